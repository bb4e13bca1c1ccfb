import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../aurinko/index.js'
import { createCloudSpongeSimulator } from '../cloudsponge/index.js'
import { documentedTenant } from '../cloudsponge/tenants.js'
import { manualClock } from '../core/clock.js'
import { createSimulators } from '../index.js'
import { readHar, Started } from './testing/servers.js'

// Nothing secret reaches the disk: every credential a flow sends, in every spelling it is sent in
// (as is, percent-encoded, inside Basic's base64), is absent from the recording.

const started = new Started()
afterEach(() => started.closeAll())

function spellings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]
}

function expectNoneIn(path: string, secrets: string[]): string {
  const text = readFileSync(path, 'utf8')
  for (const secret of secrets.flatMap(spellings)) {
    expect(text, `the recording holds ${secret}`).not.toContain(secret)
  }
  return text
}

describe('secrets in recordings', () => {
  it('keeps none of CloudSponge credentials, and tells the domain password from a wrong one', async () => {
    const simulator = await started.serve(createCloudSpongeSimulator({ clock: manualClock() }))
    const proxy = await started.proxy('cloudsponge', simulator.url)
    const { domainKey, domainPassword } = documentedTenant
    const basic = btoa(`${domainKey}:${domainPassword}`)
    const accountPassword = 'import-Password-4417'
    const begin = await fetch(`${proxy.url}/begin_import/import.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}` },
      body: new URLSearchParams({ service: 'icloud', username: 'alice', password: accountPassword }),
    })
    expect(begin.status).toBe(200)
    const importId = (await begin.json()).import_id
    const query = (password: string) => `domain_key=${domainKey}&domain_password=${encodeURIComponent(password)}`
    const right = await fetch(`${proxy.url}/events/${importId}.json?${query(domainPassword)}`)
    const wrong = await fetch(`${proxy.url}/events/${importId}.json?${query('Wrong-Password-9921')}`)
    const again = await fetch(`${proxy.url}/events/${importId}.json?${query(domainPassword)}`)
    expect([right.status, wrong.status]).toEqual([200, 401])
    await Promise.all([right, wrong, again].map((response) => response.arrayBuffer()))

    expectNoneIn(proxy.harPath, [domainPassword, basic, accountPassword, 'Wrong-Password-9921'])
    const entries = readHar(proxy.harPath).log.entries
    expect(entries[0]?.request.headers).toContainEqual({ name: 'Authorization', value: 'Basic <secret:1>' })
    expect(entries[0]?.request.postData?.text).toBe('service=icloud&username=alice&password=<secret:2>')
    const passwordsSent = entries
      .slice(1)
      .map((entry) => entry.request.queryString.find((pair) => pair.name === 'domain_password')?.value)
    expect(passwordsSent).toEqual(['<secret:3>', '<secret:4>', '<secret:3>'])
    // The domain key identifies the domain and is public: it stays, so a replay knows the account.
    expect(entries[1]?.request.url).toContain(`domain_key=${domainKey}&domain_password=<secret:3>`)
  })

  it('keeps no Aurinko token, sync token or app secret', async () => {
    const simulator = await started.serve(createAurinkoSimulator({ clock: manualClock() }))
    const proxy = await started.proxy('aurinko', simulator.url)
    const bearer = { Authorization: 'Bearer aurinko-sandbox-token' }
    const start = await (
      await fetch(`${proxy.url}/v1/contacts/sync?awaitReady=true`, { method: 'POST', headers: bearer })
    ).json()
    const page = await fetch(`${proxy.url}/v1/contacts/sync/updated?deltaToken=${start.syncUpdatedToken}`, {
      headers: bearer,
    })
    expect(page.status).toBe(200)
    const app = btoa('aurinko-sandbox-client-id:aurinko-sandbox-client-secret')
    await (
      await fetch(`${proxy.url}/v1/contacts?limit=1`, {
        headers: { Authorization: `Basic ${app}`, 'X-Aurinko-Account-Id': '1001' },
      })
    ).arrayBuffer()
    expectNoneIn(proxy.harPath, ['aurinko-sandbox-token', start.syncUpdatedToken, app, 'aurinko-sandbox-client-secret'])
    const [first, second] = readHar(proxy.harPath).log.entries
    // The token handed out and the token sent back are one secret: one placeholder.
    const handedOut = JSON.parse(first?.response.content.text ?? '{}').syncUpdatedToken
    expect(handedOut).toMatch(/^<secret:\d+>$/)
    expect(second?.request.queryString).toContainEqual({ name: 'deltaToken', value: handedOut })
  })

  it('keeps no Omnigage token secret, and none of the S3 form signature and access key, through two proxies', async () => {
    const set = createSimulators({ clock: manualClock(), only: ['omnigage', 's3'] })
    const omnigage = await started.serve(set.get('omnigage'))
    const s3 = await started.serve(set.get('s3'))
    set.setUrl('omnigage', omnigage.url)
    set.setUrl('s3', s3.url)
    const omnigageProxy = await started.proxy('omnigage', omnigage.url)
    const s3Proxy = await started.proxy('s3', s3.url)
    const basic = btoa('omnigage-sandbox-key:omnigage-sandbox-secret')
    const created = await fetch(`${omnigageProxy.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'contacts.csv', type: 'text/csv', size: 32 }),
    })
    expect(created.status).toBe(201)
    const attributes = (await created.json()).data.attributes
    const fields: [string, string][] = attributes['request-form-data'].flatMap(Object.entries)
    const form = new FormData()
    for (const [name, value] of fields) {
      form.append(name, value)
    }
    form.append('Content-Type', 'text/csv')
    form.append('file', new File(['First Name,Phone\nAnn,+15550100\n'], 'contacts.csv'))
    const posted = await fetch(`${s3Proxy.url}${new URL(attributes['request-url']).pathname}`, {
      method: 'POST',
      headers: { 'x-amz-server-side-encryption': 'AES256' },
      body: form,
    })
    expect(posted.status).toBe(204)
    const signature = fields.find(([name]) => name.toLowerCase() === 'signature')?.[1] ?? ''
    expect(signature).not.toBe('')
    const secrets = ['omnigage-sandbox-secret', basic, signature, 'AKIACONTACTKITSANDBOX']
    expectNoneIn(omnigageProxy.harPath, secrets)
    const s3Text = expectNoneIn(s3Proxy.harPath, secrets)
    expect(s3Text).toContain('contacts.csv')
  })
})

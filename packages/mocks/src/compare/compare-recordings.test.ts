import type { Har } from 'har-format'
import { describe, expect, it } from 'vitest'
import { compareRecordings } from './compare-recordings.js'
import { CompareInputError } from './errors.js'
import { aurinkoFlow, cloudspongeFlow, omnigageFlow } from './testing/flows.js'

/** The same recording with every occurrence of each value replaced, requests and answers alike. */
function rewrite(har: Har, pairs: [string, string][]): Har {
  const text = pairs.reduce((current, [from, to]) => current.split(from).join(to), JSON.stringify(har))
  return JSON.parse(text) as Har
}

describe('compareRecordings', () => {
  it('finds no drift in a CloudSponge flow recorded from the simulator itself', async () => {
    const har = await cloudspongeFlow()
    const report = await compareRecordings('cloudsponge', [{ name: 'flow.har', har }])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBe(6)
    expect(report.operations.map((row) => [row.operationId, row.exchanges, row.identical])).toEqual([
      ['beginImportFormatted', 1, 1],
      ['getEventsFormatted', 3, 3],
      ['getContactsFormatted', 2, 2],
    ])
  })

  it('finds no drift in an Aurinko session recorded from the simulator itself', async () => {
    const har = await aurinkoFlow()
    const report = await compareRecordings('aurinko', [{ name: 'session.har', har }])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBe(10)
  })

  it('finds no drift in an Omnigage import and its S3 form post, recorded as two files', async () => {
    const [omnigage, s3] = await omnigageFlow()
    const report = await compareRecordings('omnigage', [
      { name: 'import.har', har: omnigage },
      { name: 'upload.har', har: s3 },
    ])
    expect(report.drift).toEqual([])
    expect(report.operations.map((row) => [row.operationId, row.exchanges, row.identical])).toEqual([
      ['createUpload', 1, 1],
      ['postObject', 1, 1],
      ['createImportContact', 1, 1],
      ['getImportContact', 2, 2],
      ['listImportContactResults', 1, 1],
      ['listContacts', 1, 1],
    ])
  })

  it('compares clean when the answers differ only in ids, tokens, etags, timestamps and data', async () => {
    const aurinko = await aurinkoFlow()
    const answers = aurinko.log.entries.map((entry) => entry.response.content.text ?? '').join('\n')
    const volatile = [...answers.matchAll(/"(?:id|etag|\w+Token)":"([^"]+)"/g)].map((match) => match[1] as string)
    const changed = rewrite(aurinko, [
      ...[...new Set(volatile)].map((value): [string, string] => [value, `other${value.split('').reverse().join('')}`]),
      ['Sam Black', 'Kim Gray'],
      ['sam@aurinko.io', 'kim@example.org'],
      ['2026-03-02T10:', '2024-07-19T08:'],
    ])
    expect(JSON.stringify(changed)).not.toContain(volatile[0])
    const report = await compareRecordings('aurinko', [{ name: 'other-ids.har', har: changed }])
    expect(report.drift).toEqual([])

    const cloudsponge = await cloudspongeFlow()
    const importId = /"import_id":(\d+)/.exec(cloudsponge.log.entries[0]?.response.content.text ?? '')?.[1] as string
    const renumbered = rewrite(cloudsponge, [
      [importId, '89709297'],
      ['John', 'Bert'],
      ['johndoe@nowhere.com', 'bert@example.net'],
      ['-07:00', '-08:00'],
    ])
    expect(JSON.stringify(renumbered)).toContain('/events/89709297.json')
    const csReport = await compareRecordings('cloudsponge', [{ name: 'renumbered.har', har: renumbered }])
    expect(csReport.drift).toEqual([])
  })

  it('reports each injected drift as its own finding', async () => {
    const rewrite = async (response: Response, change: (text: string) => string, init: ResponseInit = {}) =>
      new Response(change(await response.text()), {
        status: init.status ?? response.status,
        headers: { ...Object.fromEntries(response.headers), ...(init.headers as Record<string, string>) },
      })
    let events = 0
    const har = await cloudspongeFlow(async (response, path) => {
      if (path.startsWith('/begin_import')) {
        // A new field, and the import id turned into a string.
        return rewrite(response, (text) => text.replace(/"import_id":(\d+)/, '"import_id":"$1","region":"eu"'))
      }
      if (path.startsWith('/events') && response.status === 401) {
        return rewrite(response, () => '{"error":{"message":"Forbidden."}}')
      }
      if (path.startsWith('/events') && ++events === 1) {
        return rewrite(response, (text) => text, { status: 202 })
      }
      if (path.startsWith('/events') && events === 2) {
        // The same keys, the ids before the events: CloudSponge's JSON fixes its order.
        return rewrite(response, (text) => {
          const { events: list, ...rest } = JSON.parse(text) as Record<string, unknown>
          return JSON.stringify({ ...rest, events: list })
        })
      }
      if (path.endsWith('.json') && path.startsWith('/contacts')) {
        return rewrite(response, (text) => text.replaceAll('"first_name"', '"given_name"'))
      }
      if (path.endsWith('.xml')) {
        return rewrite(response, (text) => text, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      }
      return response
    })
    const report = await compareRecordings('cloudsponge', [{ name: 'drift.har', har }])
    const lines = report.drift.map(
      (finding) => `${finding.operationId} ${finding.kind} ${finding.path}: ${finding.recorded} / ${finding.simulated}`,
    )
    expect(lines.at(-1)).toMatch(/^getEventsFormatted error body\.error\.message: "Forbidden\." \/ "Access was denied/)
    expect(lines.slice(0, -1)).toEqual([
      'beginImportFormatted type body.import_id: string / number',
      'beginImportFormatted key-missing body.region: string / missing',
      'getEventsFormatted status status: 202 / 200',
      'getEventsFormatted key-order body: import_id, user_id, id, echo, events / events, import_id, user_id, id, echo',
      'getContactsFormatted key-missing body.contacts[*].given_name: string / missing',
      'getContactsFormatted key-added body.contacts[*].first_name: missing / string',
      'getContactsFormatted key-missing body.contacts_owner.given_name: string / missing',
      'getContactsFormatted key-added body.contacts_owner.first_name: missing / string',
      'getContactsFormatted header header.content-type: text/html; charset=utf-8 / application/xml; charset=utf-8',
    ])
  })

  it("reports a changed JSON:API type in an Omnigage answer: the type is a word of Omnigage's API", async () => {
    const [omnigage, s3] = await omnigageFlow(async (response, path) => {
      if (/^\/api\/v1\/import-contacts\/[^/]+$/.test(path)) {
        const text = (await response.text()).replace('"type":"import-contacts"', '"type":"imports"')
        return new Response(text, { status: response.status, headers: response.headers })
      }
      return response
    })
    const report = await compareRecordings('omnigage', [
      { name: 'import.har', har: omnigage },
      { name: 'upload.har', har: s3 },
    ])
    const lines = report.drift.map(
      (finding) => `${finding.operationId} ${finding.kind} ${finding.path}: ${finding.recorded} / ${finding.simulated}`,
    )
    expect(lines).toEqual([
      'getImportContact value body.data.type: "imports" / "import-contacts"',
      'getImportContact value body.data.type: "imports" / "import-contacts"',
    ])
  })

  it('reports a changed error code, content type and ETag in an Aurinko session', async () => {
    const har = await aurinkoFlow(async (response, path) => {
      if (response.status === 404) {
        const body = (await response.json()) as Record<string, unknown>
        return Response.json({ ...body, code: 'contact.notFound' }, { status: 404 })
      }
      if (path === '/v1/contacts/sync') {
        const headers = new Headers(response.headers)
        headers.set('content-type', 'text/plain')
        headers.set('etag', '"sync-1"')
        return new Response(response.body, { status: response.status, headers })
      }
      return response
    })
    const report = await compareRecordings('aurinko', [{ name: 'drift.har', har }])
    const lines = report.drift.map(
      (finding) => `${finding.operationId} ${finding.kind} ${finding.path}: ${finding.recorded} / ${finding.simulated}`,
    )
    expect(lines).toContain('contact error body.code: "contact.notFound" / "not_found"')
    expect(lines.filter((line) => line.startsWith('contSyncStart'))).toEqual([
      'contSyncStart header header.content-type: text/plain / application/json',
      'contSyncStart header header.etag: present / missing',
    ])
  })

  it('refuses what it cannot compare', async () => {
    await expect(compareRecordings('nope', [{ name: 'a.har', har: {} }])).rejects.toThrow(/Unknown vendor "nope"/)
    await expect(compareRecordings('cloudsponge', [{ name: 'a.har', har: { hello: 1 } }])).rejects.toThrow(
      CompareInputError,
    )
  })
})

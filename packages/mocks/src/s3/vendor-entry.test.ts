import { describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../aurinko/index.js'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import type { Peers } from '../core/simulator.js'
import { createS3Simulator, s3SimulatorOf, s3Vendor } from './index.js'

describe('the S3 entry of the vendor registry', () => {
  it('describes the vendor on the dashboard: its title, credentials, hints, magic accounts and examples', () => {
    const profile = profileOf(createS3Simulator({ clock: manualClock() }))
    expect(profile.title).toBe('Amazon S3 (presigned POST)')
    expect(profile.credentials).toEqual([
      { label: 'access key id', value: 'AKIACONTACTKITSANDBOX', env: 'S3_ACCESS_KEY_ID' },
      { label: 'secret access key', value: 'contactkit-sandbox-secret-access-key', env: 'S3_SECRET_ACCESS_KEY' },
    ])
    expect(profile.hints).toEqual([
      'bucket: contactkit-uploads; POST a presigned form to /contactkit-uploads/ (sign it with the key above, V2 or V4)',
    ])
    expect(profile.magicAccounts).toEqual([
      { input: 'form signed with AKIACONTACTKITSANDBOX', result: 'contactkit-uploads: 204 with ETag and Location' },
      { input: 'form signed with any other key', result: '403 InvalidAccessKeyId' },
      {
        input: 'form from POST /api/v1/uploads on the Omnigage simulator',
        result: 'the file an Omnigage import reads',
      },
    ])
    expect(profile.examples).toEqual([
      {
        title: 'A form without a signature or policy: 403 AccessDenied, as S3 answers it for a private bucket',
        command:
          "curl -F key=contacts.csv -F 'file=@-;filename=contacts.csv' '{baseUrl}/contactkit-uploads/' <<< 'First Name,Phone'",
      },
      {
        title: 'A browser preflight for the form post',
        command:
          "curl -i -X OPTIONS -H 'Origin: http://localhost:3000' -H 'Access-Control-Request-Method: POST' '{baseUrl}/contactkit-uploads/'",
      },
    ])
  })

  it('answers its two examples as their titles say', async () => {
    const sim = createS3Simulator({ clock: manualClock() })
    // curl -F key=… -F 'file=@-;filename=…' with the text from standard input (and its newline).
    const form = new FormData()
    form.set('key', 'contacts.csv')
    form.set('file', new Blob(['First Name,Phone\n']), 'contacts.csv')
    const unsigned = await sim.app.request('/contactkit-uploads/', { method: 'POST', body: form })
    expect(unsigned.status).toBe(403)
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>')
    const preflight = await sim.app.request('/contactkit-uploads/', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy()
  })

  it('names its port, address and that it has no client of its own', () => {
    expect(s3Vendor).toMatchObject({ name: 's3', baseUrl: 'https://s3.amazonaws.com', baseUrlEnv: 'S3_BASE_URL' })
    expect(s3Vendor.client).toBe(false)
  })
})

describe('s3SimulatorOf', () => {
  it('finds the S3 simulator among its peers, and nothing where there is none or the peer is not S3', () => {
    const s3 = createS3Simulator({ clock: manualClock() })
    const aurinko = createAurinkoSimulator({ clock: manualClock() })
    const peers = (simulator?: Peers['simulator']): Peers => ({ urlOf: () => 'http://127.0.0.1:1', simulator })
    expect(s3SimulatorOf(peers((name) => (name === 's3' ? s3 : undefined)))).toBe(s3)
    expect(s3SimulatorOf(peers(() => aurinko))).toBeUndefined()
    expect(s3SimulatorOf(peers(() => undefined))).toBeUndefined()
    expect(s3SimulatorOf(peers())).toBeUndefined()
    expect(s3SimulatorOf(undefined)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { planCredentials } from '../compare/credentials.js'
import { classify } from '../compare/normalise.js'
import { recordedExchange } from '../compare/testing/recorded-exchange.js'
import { omnigageVendor } from './index.js'
import { omnigageHarness } from './testing/harness.js'

describe('replaying an Omnigage recording', () => {
  // A recorder that redacts the whole Authorization header leaves no scheme to read: Omnigage
  // takes HTTP Basic, so the replay must send the token pair as Basic, not as a bearer token.
  it('sends a scheme-less redacted Authorization header as the sandbox token pair, which the simulator takes', async () => {
    const scheme = omnigageVendor.fidelity?.credentials
    if (scheme === undefined) {
      throw new Error('the Omnigage entry names no credential scheme for compare')
    }
    const plan = planCredentials(
      [recordedExchange([['authorization', '<secret:1>']], 200, '', 'https://api.omnigage.io/api/v1/contacts')],
      omnigageVendor.credentials,
      scheme,
    )
    const replayed = plan.header('authorization', '<secret:1>')
    const [key, secret] = omnigageVendor.credentials.map((credential) => credential.value)
    expect(replayed).toBe(`Basic ${btoa(`${key}:${secret}`)}`)

    const { call } = omnigageHarness()
    const answer = await call('GET', '/api/v1/contacts', { token: null, headers: { Authorization: replayed } })
    expect(answer.status).toBe(200)
  })
})

describe('the S3 form fields an Omnigage upload hands out, in compare', () => {
  // They are bound to the upload (its key prefix, its signed policy), so a replay maps them from
  // the simulator's answer like ids; the form's other fields, and keys merely ending in "key",
  // are data.
  const volatileKeys = omnigageVendor.fidelity?.volatileKeys
  it.each([
    ['key', 'uploads/069c43a8/people.csv'],
    ['AWSAccessKeyId', 'AKIAEXAMPLE'],
    ['x-amz-credential', 'AKIAEXAMPLE/20260302/us-east-1/s3/aws4_request'],
    ['X-Amz-Date', '20260302T100000Z'],
  ])('treats %s as a value bound to the upload', (key, value) => {
    expect(classify(key, value, { volatileKeys })).toBe('token')
  })

  it.each([
    ['acl', 'private'],
    ['keys', 'a,b'],
    ['monkey', 'George'],
  ])('compares %s as data', (key, value) => {
    expect(classify(key, value, { volatileKeys })).toBeUndefined()
  })
})

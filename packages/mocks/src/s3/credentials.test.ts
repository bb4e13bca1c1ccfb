import { describe, expect, it } from 'vitest'
import { CredentialStore, sandboxCredentials } from './credentials.js'

// The access keys a simulator takes: refused with what to fix, kept as given, reset to the
// configured ones.

describe('CredentialStore', () => {
  it('refuses a key whose id is not 3 to 128 letters and digits, quoting it', () => {
    const keys = new CredentialStore([])
    for (const accessKeyId of ['AK', 'AKIA-1', 'A'.repeat(129), 42, undefined]) {
      expect(() => keys.add({ accessKeyId, secretAccessKey: 's' } as never)).toThrow(
        new RangeError(
          `Failed to add the access key ${JSON.stringify(accessKeyId)}: an access key id is 3 to 128 letters and digits.`,
        ),
      )
    }
    expect(() => keys.add(undefined as never)).toThrow(/^Failed to add the access key undefined: /)
  })

  it('refuses a key without a secret, or with buckets that are not a list of names', () => {
    const keys = new CredentialStore([])
    for (const secretAccessKey of ['', 7, undefined]) {
      expect(() => keys.add({ accessKeyId: 'AKIA1', secretAccessKey } as never)).toThrow(
        new RangeError('Failed to add the access key AKIA1: give its "secretAccessKey" as a non-empty string.'),
      )
    }
    for (const buckets of ['uploads', [1], ['uploads-a', 2], null]) {
      expect(() => keys.add({ accessKeyId: 'AKIA1', secretAccessKey: 's', buckets } as never)).toThrow(
        new RangeError('Failed to add the access key AKIA1: "buckets" must be a list of bucket names.'),
      )
    }
    expect(keys.list()).toEqual([])
  })

  it('keeps a key as given (its buckets copied), replaces one of the same id, and resets to the configured keys', () => {
    const keys = new CredentialStore([sandboxCredentials])
    const buckets = ['uploads-a']
    keys.add({ accessKeyId: 'AKIA2', secretAccessKey: 'first', buckets })
    buckets.push('uploads-b')
    expect(keys.find('AKIA2')).toStrictEqual({ accessKeyId: 'AKIA2', secretAccessKey: 'first', buckets: ['uploads-a'] })
    keys.add({ accessKeyId: 'AKIA2', secretAccessKey: 'second' })
    expect(keys.find('AKIA2')).toStrictEqual({ accessKeyId: 'AKIA2', secretAccessKey: 'second' })
    expect(keys.allows(keys.find('AKIA2') as never, 'any-bucket')).toBe(true)
    keys.reset()
    expect(keys.list()).toEqual([sandboxCredentials])
  })
})

import { describe, expect, it } from 'vitest'
import { decodedPolicy, signatureHolds } from './policy-memo.js'

// What the memo spares, seen from its callers: a signature that held is not computed again for the
// same text and key, one that failed is computed every time, and a decoded policy cannot be changed
// by the request that reads it (every form with that policy shares the document).

const signed = (policy: string) =>
  ({
    version: 'v4',
    accessKeyId: 'AKIDCALLS',
    secretAccessKey: 'calls-secret',
    scope: '20260101/us-east-1/s3',
    policy,
  }) as const

function countingSigner(signature: string) {
  const signer = {
    calls: 0,
    sign: async () => {
      signer.calls++
      return signature
    },
  }
  return signer
}

const equal = (expected: string, provided: string) => expected === provided

describe('signatureHolds', () => {
  it('computes a signature that holds once for the same policy, key and signature', async () => {
    const signer = countingSigner('right-once')
    expect(await signatureHolds(signed('policy-once'), 'right-once', signer.sign, equal)).toBe(true)
    expect(await signatureHolds(signed('policy-once'), 'right-once', signer.sign, equal)).toBe(true)
    expect(signer.calls).toBe(1)
  })

  it('computes a signature that fails every time it is sent', async () => {
    const signer = countingSigner('right-failing')
    expect(await signatureHolds(signed('policy-failing'), 'wrong', signer.sign, equal)).toBe(false)
    expect(await signatureHolds(signed('policy-failing'), 'wrong', signer.sign, equal)).toBe(false)
    expect(signer.calls).toBe(2)
  })

  it('computes again for another secret, scope or policy', async () => {
    const signer = countingSigner('right-other')
    const base = signed('policy-other')
    await signatureHolds(base, 'right-other', signer.sign, equal)
    await signatureHolds({ ...base, secretAccessKey: 'another-secret' }, 'right-other', signer.sign, equal)
    await signatureHolds({ ...base, scope: '20260102/us-east-1/s3' }, 'right-other', signer.sign, equal)
    await signatureHolds({ ...base, policy: 'policy-other-2' }, 'right-other', signer.sign, equal)
    expect(signer.calls).toBe(4)
  })
})

describe('decodedPolicy', () => {
  it('hands out a document no reader can change, its conditions and their values included', () => {
    const policy = decodedPolicy(
      btoa(
        JSON.stringify({
          expiration: '2026-01-01T01:00:00Z',
          conditions: [{ bucket: 'b' }, ['starts-with', '$key', 'u/']],
        }),
      ),
    )
    if (typeof policy === 'string') {
      throw new Error(policy)
    }
    expect(Object.isFrozen(policy)).toBe(true)
    expect(Object.isFrozen(policy.document)).toBe(true)
    expect(Object.isFrozen(policy.document.conditions)).toBe(true)
    expect(policy.document.conditions.every((condition) => Object.isFrozen(condition))).toBe(true)
    expect(policy.document.conditions[1]).toEqual(['starts-with', '$key', 'u/'])
  })
})

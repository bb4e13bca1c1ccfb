import { describe, expect, it } from 'vitest'
import { planCredentials } from './credentials.js'
import { recordedExchange } from './testing/recorded-exchange.js'

const registered = [
  { label: 'token key', value: 'sandbox-key' },
  { label: 'token secret', value: 'sandbox-secret' },
  { label: 'account key', value: 'sandbox-account' },
]
const scheme = { basic: ['token key', 'token secret'] as [string, string], defaultScheme: 'basic' as const }

describe('planCredentials', () => {
  it('gives accepted credentials the sandbox values, refused ones wrong values, and leaves handed-out tokens alone', () => {
    const plan = planCredentials(
      [
        recordedExchange([['authorization', 'Basic <secret:1>']], 200, '{"token":"<secret:3>"}'),
        recordedExchange([['authorization', 'Basic <secret:2>']], 401),
        recordedExchange(
          [
            ['authorization', '<secret:1>'],
            ['x-account-key', 'firstbank'],
          ],
          200,
        ),
        recordedExchange(
          [
            ['authorization', 'Bearer <secret:3>'],
            ['x-account-key', 'secondbank'],
          ],
          403,
        ),
      ],
      registered,
      scheme,
    )
    expect(plan.header('authorization', 'Basic <secret:1>')).toBe(`Basic ${btoa('sandbox-key:sandbox-secret')}`)
    expect(plan.header('authorization', '<secret:1>')).toBe(`Basic ${btoa('sandbox-key:sandbox-secret')}`)
    expect(plan.header('authorization', 'Basic <secret:2>')).toBe(
      `Basic ${btoa('contactkit-refused-2:contactkit-refused-2')}`,
    )
    expect(plan.header('authorization', 'Bearer <secret:3>')).toBe('Bearer <secret:3>')
    expect(plan.header('x-account-key', 'firstbank')).toBe('sandbox-account')
    expect(plan.header('x-account-key', 'secondbank')).toBe('contactkit-other-2')
    expect(plan.field('account_key', 'firstbank')).toBe('sandbox-account')
    expect(plan.field('service', 'icloud')).toBe('icloud')
  })
})

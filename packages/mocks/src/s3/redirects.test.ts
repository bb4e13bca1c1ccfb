import { describe, expect, it } from 'vitest'
import { postForm, s3Fixture, signedFields } from './testing/harness.js'

// success_action_redirect: S3 redirects to an absolute http(s) URL and ignores anything else.

describe('S3 success_action_redirect', () => {
  const answer = async (redirect: string) => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4', fields: { success_action_redirect: redirect } })
    return postForm(sim, '/contactkit-uploads', { fields })
  }

  it('redirects to a plain http URL too', async () => {
    const response = await answer('http://localhost:3000/done')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(
      /^http:\/\/localhost:3000\/done\?bucket=contactkit-uploads&key=uploads%2Fcontacts\.csv&etag=/,
    )
  })

  it.each([
    ['a URL of another scheme', 'ftp://files.example.org/done'],
    ['a script', 'javascript:alert(1)'],
    ['an empty value', ''],
  ])('ignores %s and answers 204', async (_, redirect) => {
    const response = await answer(redirect)
    expect(response.status).toBe(204)
    expect(response.headers.get('location')).toBe('http://localhost/contactkit-uploads/uploads%2Fcontacts.csv')
  })
})

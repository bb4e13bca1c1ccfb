import { describe, expect, it } from 'vitest'
import { postForm, s3Fixture, signedFields } from './testing/harness.js'

// A form's header fields are stored with the object, as S3 serves them back on a GET; any other
// field (the redirect, the status asked for) is only about the answer to the POST.
describe('the headers a form stores with its object', () => {
  it('are ACL, Cache-Control, Content-Disposition, Content-Encoding and Expires, and nothing else', async () => {
    for (const signatureVersion of ['v2', 'v4'] as const) {
      const { sim } = s3Fixture()
      const stored = {
        acl: 'private',
        'Cache-Control': 'max-age=60',
        'Content-Disposition': 'attachment; filename="contacts.csv"',
        'Content-Encoding': 'identity',
        Expires: 'Thu, 01 Jan 2026 00:00:00 GMT',
      }
      const fields = await signedFields(sim, {
        signatureVersion,
        fields: { ...stored, success_action_status: '201' },
      })
      const response = await postForm(sim, '/contactkit-uploads/', {
        fields,
        file: { content: 'a', filename: 'a.csv' },
      })
      expect(response.status).toBe(201)
      const [object] = sim.objects.list()
      expect(object?.headers).toEqual(
        Object.fromEntries(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), value])),
      )
    }
  })
})

import { describe, expect, it } from 'vitest'
import { maxPostObjectBytes } from './post-checks.js'
import { multipartBody } from './testing/bodies.js'
import { s3Fixture, signedFields } from './testing/harness.js'

// A POST may declare up to 5 GiB of file and 1 MiB of form around it before the simulator refuses
// it unread; within that, S3's own checks decide.

describe('S3 body limit', () => {
  const limit = maxPostObjectBytes + 1024 * 1024

  it('lets a POST declaring 5 GiB and 1 MiB through to the form checks, and refuses one byte more unread', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const { body, contentType } = multipartBody(
      [
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        { name: 'file', filename: 'a.csv', content: 'a,b' },
      ],
      { boundary: 'b', style: 'browser' },
    )
    for (const path of ['/contactkit-uploads', '/contactkit-uploads/']) {
      const post = (declared: number) =>
        sim.app.request(path, {
          method: 'POST',
          body: body as Uint8Array<ArrayBuffer>,
          headers: { 'Content-Type': contentType, 'Content-Length': String(declared) },
        })
      const atLimit = await post(limit)
      expect(atLimit.status).toBe(204)
      const over = await post(limit + 1)
      expect(over.status).toBe(413)
      expect(await over.text()).toContain(
        `<Code>EntityTooLarge</Code><Message>The request body is larger than ${limit} bytes`,
      )
    }
  })

  it('keeps the core limit of 1 MiB for every other method', async () => {
    const { sim } = s3Fixture()
    for (const path of ['/', '/contactkit-uploads', '/contactkit-uploads/']) {
      const response = await sim.app.request(path, {
        method: 'PUT',
        body: new Uint8Array(16),
        headers: { 'Content-Length': String(1024 * 1024 + 1) },
      })
      expect(response.status).toBe(413)
    }
  })
})

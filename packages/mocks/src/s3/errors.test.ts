import { s3Document } from '@contactkit/specs/s3'
import { createValidator } from '@contactkit/specs/validator'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { failures, hostId, type S3Failure, s3Error, s3ErrorResponder, spacedHex } from './errors.js'
import { postForm, s3Fixture, signedFields, xmlElements } from './testing/harness.js'

const validator = createValidator(s3Document)
const numbers = new Set(['ProposedSize', 'MaxSizeAllowed', 'MinSizeAllowed', 'Size'])

/** An S3 XML document as the JSON its schema describes: integer elements as numbers. */
function decoded(xml: string): Record<string, unknown> {
  return Object.fromEntries(xmlElements(xml).map(([name, value]) => [name, numbers.has(name) ? Number(value) : value]))
}

describe('S3 error documents', () => {
  it('fit the spec for every refusal, at a status the spec declares', async () => {
    let failure: S3Failure = failures.accessDenied()
    const app = new Hono()
    app.get('/', (c) => {
      c.set('requestId' as never, 'id-1' as never)
      return s3Error(c, manualClock(), failure)
    })
    const preflightOnly = new Set(['BadRequest', 'AccessForbidden'])
    for (failure of [
      failures.expired(),
      failures.accessDenied(),
      failures.conditionFailed('["eq", "$acl", "private"]'),
      failures.extraField('x-amz-meta-a'),
      failures.signatureMismatch({ accessKeyId: 'AKIA', policy: 'e30=', provided: 'x' }),
      failures.unknownAccessKey('AKIA'),
      failures.missingField('Signature'),
      failures.noFile(),
      failures.badAlgorithm('HMAC'),
      failures.badCredential('x'),
      failures.badEncryption('rot13'),
      failures.invalidPolicy('Invalid JSON.'),
      failures.tooLarge(12, 10),
      failures.tooSmall(1, 5),
      failures.notMultipart(),
      failures.malformed(),
      failures.preDataTooLarge(),
      failures.keyTooLong(2000),
      failures.noSuchBucket('nowhere'),
      failures.invalidBucketName('A'),
      failures.originMissing(),
      failures.corsRefused('PUT'),
    ]) {
      const response = await app.request('/')
      expect(response.headers.get('content-type')).toBe('application/xml')
      const body = decoded(await response.text())
      const operation = preflightOnly.has(failure.code) ? 'preflightPostObject' : 'postObject'
      expect(validator.validateResponse(operation, response.status, 'application/xml', body), failure.code).toEqual([])
      expect(body).toMatchObject({ Code: failure.code, RequestId: 'id-1', HostId: hostId('id-1') })
    }
  })

  it('fit the spec as the simulator answers: a PostResponse, a 404 of an unknown path', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2', fields: { success_action_status: '201' } })
    const created = await postForm(sim, '/contactkit-uploads/', { fields })
    expect(validator.validateResponse('postObject', 201, 'application/xml', decoded(await created.text()))).toEqual([])
    const unknown = await sim.app.request('/contactkit-uploads/a/b')
    expect(unknown.status).toBe(404)
    expect(decoded(await unknown.text())).toMatchObject({ Code: 'NoSuchKey' })
  })

  it('are what the spec examples show', () => {
    const statuses: Record<string, number> = {
      StoredDocument: 201,
      BadRequest: 400,
      Forbidden: 403,
      NoSuchBucket: 404,
      NotMultipart: 412,
      ServerError: 500,
    }
    const responses = s3Document.components?.responses as Record<
      string,
      { content?: Record<string, Record<string, unknown>> }
    >
    for (const [name, status] of Object.entries(statuses)) {
      const xml = responses[name]?.content?.['application/xml']?.['x-xml-example']
      expect(typeof xml, name).toBe('string')
      const body = decoded((xml as string).trimEnd())
      expect(validator.validateResponse('postObject', status, 'application/xml', body), name).toEqual([])
    }
  })

  it('write StringToSignBytes as S3 does: lower-case hex bytes, spaced', () => {
    expect(spacedHex('AWS4')).toBe('41 57 53 34')
    expect(spacedHex('é')).toBe('c3 a9')
    expect(spacedHex('\t\n')).toBe('09 0a')
  })

  it("answer the core's own errors with S3's code for the status, or its own class of code", async () => {
    const app = new Hono()
    app.get('/:status', (c) => {
      c.set('requestId' as never, 'id-2' as never)
      const status = Number(c.req.param('status'))
      return s3ErrorResponder(manualClock())(
        c,
        status,
        'Something happened.',
        status === 409 ? { code: 'Busy' } : undefined,
      )
    })
    const codeOf = async (status: number) => xmlElements(await (await app.request(`/${status}`)).text())[0]
    expect(await codeOf(413)).toEqual(['Code', 'EntityTooLarge'])
    expect(await codeOf(409)).toEqual(['Code', 'Busy'])
    expect(await codeOf(418)).toEqual(['Code', 'InvalidRequest'])
    expect(await codeOf(499)).toEqual(['Code', 'InvalidRequest'])
    expect(await codeOf(500)).toEqual(['Code', 'InternalError'])
    expect(await codeOf(502)).toEqual(['Code', 'InternalError'])
    expect(await codeOf(504)).toEqual(['Code', 'InternalError'])
  })
})

import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { s3ErrorResponder } from './errors.js'
import { xmlElements } from './testing/harness.js'

// The code S3 writes for each status the core answers on its own (faults, body limits, crashes).

describe("S3's code for each status of the core's own errors", () => {
  const app = new Hono()
  app.get('/:status', (c) => {
    c.set('requestId' as never, 'id-1' as never)
    return s3ErrorResponder(manualClock())(c, Number(c.req.param('status')), 'Something happened.')
  })

  it.each([
    [400, 'InvalidRequest'],
    [403, 'AccessDenied'],
    [404, 'NoSuchKey'],
    [405, 'MethodNotAllowed'],
    [408, 'RequestTimeout'],
    [409, 'OperationAborted'],
    [411, 'MissingContentLength'],
    [412, 'PreconditionFailed'],
    [413, 'EntityTooLarge'],
    [415, 'InvalidRequest'],
    [429, 'SlowDown'],
    [500, 'InternalError'],
    [501, 'NotImplemented'],
    [503, 'ServiceUnavailable'],
  ])('answers %i with %s', async (status, code) => {
    const response = await app.request(`/${status}`)
    expect(response.status).toBe(status)
    expect(xmlElements(await response.text()).slice(0, 2)).toEqual([
      ['Code', code],
      ['Message', 'Something happened.'],
    ])
  })
})

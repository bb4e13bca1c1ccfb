import { Hono } from 'hono'
import type { Simulator } from '../core/simulator.js'

/**
 * The answer for a request the upstream never answered, in the vendor's own error format (a
 * CloudSponge XML path gets XML, S3 its `<Error>` document): what a client of that vendor can read.
 *
 * @example
 * const answer = await upstreamErrorAnswer(simulator, { method: 'GET', path: '/events/1.xml', headers }, 502, 'The upstream …')
 */
export async function upstreamErrorAnswer(
  simulator: Pick<Simulator, 'errorResponse'>,
  request: { method: string; path: string; headers: Record<string, string> },
  status: number,
  message: string,
): Promise<Response> {
  const app = new Hono()
  app.all('*', (c) => simulator.errorResponse(c, status, message))
  // The vendor's formatter reads the path (its format) and headers (CORS); the body stays with the proxy.
  return app.request(request.path, {
    method: request.method === 'HEAD' ? 'GET' : request.method,
    headers: request.headers,
  })
}

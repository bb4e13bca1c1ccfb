import type { OpenApiDocument } from '@contactkit/specs'
import { packageVersion } from './health.js'

/** The tag of the simulator's own operations in the document a simulator serves. */
export const adminTag = 'contactkit admin'

const healthOperation = {
  get: {
    operationId: 'contactkitAdminHealth',
    tags: [adminTag],
    summary: 'Health of the simulator (contactkit only)',
    description:
      'Answers 200 as soon as the simulator serves, without credentials or the admin token, so CI scripts and ' +
      'test containers can wait on it (`contactkit-mocks wait` does). Not part of the vendor API.',
    security: [],
    responses: {
      '200': {
        description: 'The simulator serves.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['status', 'vendor', 'version', 'uptimeMs'],
              properties: {
                status: { type: 'string', const: 'ok' },
                vendor: { type: 'string', description: 'The simulator, or `index` for the index of a set.' },
                version: { type: 'string', description: 'The version of @contactkit/mocks.' },
                uptimeMs: { type: 'integer', minimum: 0, description: 'Wall-clock milliseconds since it started.' },
              },
            },
            example: { status: 'ok', vendor: 'cloudsponge', version: packageVersion, uptimeMs: 1234 },
          },
        },
      },
    },
  },
}

/**
 * The vendor's document as a simulator serves it at `/openapi.json` (and so its API reference):
 * the vendor's API unchanged, plus the simulator's own `/__admin/health` under the
 * `contactkit admin` tag. The rest of `/__admin` is contactkit's control plane, described in the
 * README and on the dashboard; health is listed because tools that read the spec wait on it.
 * The specs package stays the vendor's API alone, so clients and their types never see it.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(withAdminSection(vendor.document)))
 */
export function withAdminSection(document: OpenApiDocument): OpenApiDocument {
  const tags = Array.isArray(document.tags) ? document.tags : []
  return {
    ...document,
    tags: [
      ...tags,
      { name: adminTag, description: 'Endpoints of the simulator itself, beside the vendor API (contactkit only).' },
    ],
    paths: { ...document.paths, '/__admin/health': healthOperation },
  }
}

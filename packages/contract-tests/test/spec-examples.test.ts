import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import { createValidator } from '@contactkit/specs/validator'
import { describe, expect, it } from 'vitest'

// Redocly validates the spec's JSON examples; the XML ones are decoded and validated here.
const validator = createValidator(cloudspongeDocument)

type Json = Record<string, unknown>
const resolve = (value: Json): Json => {
  const ref = value.$ref
  if (typeof ref !== 'string') {
    return value
  }
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, cloudspongeDocument as unknown as Json)
}

const xmlExamples: [string, string, number, string][] = []
for (const pathItem of Object.values(cloudspongeDocument.paths)) {
  for (const operation of Object.values(pathItem) as Json[]) {
    for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
      const xml = (resolve(response).content as Record<string, Json> | undefined)?.['application/xml']
      if (typeof xml?.['x-xml-example'] === 'string') {
        const code = status === '5XX' ? 500 : Number(status)
        xmlExamples.push([
          `${String(operation.operationId)} ${status}`,
          String(operation.operationId),
          code,
          xml['x-xml-example'],
        ])
      }
    }
  }
}

describe('XML examples in the CloudSponge spec', () => {
  it('has some to check', () => {
    expect(xmlExamples.length).toBeGreaterThanOrEqual(4)
  })

  it.each(xmlExamples)('%s decodes to a body its schema accepts', (_name, operationId, status, xml) => {
    expect(validator.validateResponse(operationId, status, 'application/xml', decodeRailsXml(xml))).toEqual([])
  })
})

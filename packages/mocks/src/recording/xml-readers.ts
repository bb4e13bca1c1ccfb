import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import { s3Document } from '@contactkit/specs/s3'
import { XMLParser } from 'fast-xml-parser'
import type { ResponseDecoder } from './exchange-check.js'

// Readers of the vendors' XML answers for the proxy's spec check: each turns a document into the
// object the spec's schema describes. CloudSponge's Rails XML is read by the decoder the clients use
// too (`@contactkit/specs/rails-xml`). Node-only on purpose (the recording subpath): the simulators
// write XML but never read it, so fast-xml-parser stays out of what runs in a browser tab.

// Elements the S3 spec types as integers (`ProposedSize`, `MaxSizeAllowed`…).
const errorSchema = s3Document.components?.schemas?.Error as { properties?: Record<string, { type?: unknown }> }
const integerElements = new Set(
  Object.entries(errorSchema?.properties ?? {}).flatMap(([name, schema]) => (schema.type === 'integer' ? [name] : [])),
)
const s3Parser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  processEntities: true,
})

/**
 * Reads one of S3's small XML answers (`<Error>`, `<PostResponse>`): its root's text elements as
 * an object, integer elements as numbers.
 *
 * @example
 * readS3Xml('<Error><Code>AccessDenied</Code></Error>') // { Code: 'AccessDenied' }
 */
export function readS3Xml(xml: string): unknown {
  const document = s3Parser.parse(xml) as Record<string, unknown>
  const root = Object.values(document)[0]
  if (typeof root !== 'object' || root === null) {
    throw new SyntaxError('the XML document has no root element with elements in it')
  }
  return Object.fromEntries(
    Object.entries(root).map(([name, value]) => [
      name,
      integerElements.has(name) && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
    ]),
  )
}

const byVendor: Record<string, ResponseDecoder> = {
  cloudsponge: (mediaType, text) => (mediaType.endsWith('xml') ? decodeRailsXml(text) : undefined),
  s3: (mediaType, text) => (mediaType.endsWith('xml') ? readS3Xml(text) : undefined),
}

/**
 * The reader of a vendor's XML answers, undefined for a vendor that answers JSON only.
 *
 * @example
 * createExchangeChecker(document, { decode: xmlReaderOf('cloudsponge') })
 */
export function xmlReaderOf(vendor: string): ResponseDecoder | undefined {
  return byVendor[vendor]
}

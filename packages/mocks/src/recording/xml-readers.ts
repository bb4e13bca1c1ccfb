import { s3Document } from '@contactkit/specs/s3'
import { XMLParser } from 'fast-xml-parser'
import type { ResponseDecoder } from './exchange-check.js'

// Readers of the vendors' XML answers for the proxy's spec check: each turns a document into the
// object the spec's schema describes. Node-only on purpose (the recording subpath): the simulators
// write XML but never read it, so fast-xml-parser stays out of what runs in a browser tab.

const railsParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
})

type Node = string | { [key: string]: Node | Node[] }

/**
 * Reads a Rails `to_xml` document (CloudSponge) into the JSON the same endpoint sends: dashes in
 * names become underscores, `type="array"` elements arrays, `type="integer"` numbers,
 * `type="boolean"` booleans, `nil="true"` null; the root element is unwrapped.
 *
 * @example
 * readRailsXml('<result><import-id type="integer">1126</import-id></result>') // { import_id: 1126 }
 */
export function readRailsXml(xml: string): unknown {
  const document = railsParser.parse(xml) as Record<string, Node>
  const root = Object.keys(document).find((key) => key !== '#text')
  if (!root) {
    throw new SyntaxError('the XML document has no root element')
  }
  return railsValue(document[root] as Node)
}

function railsValue(node: Node | Node[] | undefined): unknown {
  if (node === undefined) {
    return null
  }
  if (typeof node === 'string') {
    return node
  }
  if (Array.isArray(node)) {
    return node.map(railsValue)
  }
  if (node['@nil'] === 'true') {
    return null
  }
  const type = node['@type']
  const children = Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text')
  if (type === 'array') {
    return children.flatMap((key) => {
      const value = node[key]
      return Array.isArray(value) ? value.map(railsValue) : [railsValue(value)]
    })
  }
  const text = typeof node['#text'] === 'string' ? node['#text'] : ''
  if (children.length === 0) {
    switch (type) {
      case 'integer':
        return Number.parseInt(text, 10)
      case 'float':
      case 'decimal':
        return Number.parseFloat(text)
      case 'boolean':
        return text.trim() === 'true'
      default:
        return text
    }
  }
  return Object.fromEntries(children.map((key) => [key.replace(/-/g, '_'), railsValue(node[key])]))
}

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
  cloudsponge: (mediaType, text) => (mediaType.endsWith('xml') ? readRailsXml(text) : undefined),
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

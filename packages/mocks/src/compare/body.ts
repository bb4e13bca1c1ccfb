import { XMLParser } from 'fast-xml-parser'

/** A decoded body: JSON as parsed, XML read the way Rails writes it, anything else as text. */
export interface DecodedBody {
  format: 'json' | 'xml' | 'text'
  /** The parsed value; objects keep the order their keys were written in. */
  value: unknown
}

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
})

/**
 * Decodes a body by its media type so two answers can be compared key by key. XML is read as Rails'
 * `to_xml` writes it: `type="integer"` and `type="boolean"` give numbers and booleans,
 * `type="array"` a list, `nil="true"` null, and the root element is the one key of the result.
 * A body that does not parse as its type is text.
 *
 * @example
 * decodeBody('<result><import-id type="integer">1126</import-id></result>', 'application/xml')
 * // { format: 'xml', value: { result: { 'import-id': 1126 } } }
 */
export function decodeBody(text: string, mediaType: string | undefined): DecodedBody {
  const type = mediaType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type.endsWith('json') || /^[{[]/.test(text.trimStart())) {
    try {
      return { format: 'json', value: JSON.parse(text) }
    } catch {
      return { format: 'text', value: text }
    }
  }
  if (type.endsWith('xml') || text.trimStart().startsWith('<?xml')) {
    try {
      const nodes = xmlParser.parse(text) as XmlNode[]
      const root = nodes.find((node) => elementName(node) !== undefined)
      if (root) {
        return { format: 'xml', value: { [elementName(root) as string]: elementValue(root) } }
      }
    } catch {
      // A body that is not XML is compared as text.
    }
  }
  return { format: 'text', value: text }
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

function elementName(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('?') && !key.startsWith('#'))
}

function elementValue(node: XmlNode): unknown {
  const name = elementName(node) as string
  const attributes = node[':@'] ?? {}
  const children = (node[name] as XmlNode[]).filter((child) => elementName(child) !== undefined)
  if (attributes.nil === 'true') {
    return null
  }
  if (attributes.type === 'array') {
    return children.map(elementValue)
  }
  if (children.length > 0) {
    const object: Record<string, unknown> = {}
    for (const child of children) {
      const key = elementName(child) as string
      const value = elementValue(child)
      // A repeated element without type="array" (S3's lists) reads as a list.
      if (Object.hasOwn(object, key)) {
        const previous = object[key]
        object[key] = Array.isArray(previous) ? [...previous, value] : [previous, value]
      } else {
        object[key] = value
      }
    }
    return object
  }
  const text = (node[name] as XmlNode[])
    .map((child) => child['#text'])
    .filter((part) => part !== undefined)
    .join('')
  switch (attributes.type) {
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(text)
    case 'boolean':
      return text === 'true'
    default:
      return text
  }
}

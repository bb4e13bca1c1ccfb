import { XMLParser } from 'fast-xml-parser'

// CloudSponge answers in Rails' `to_xml` as well as JSON. The clients decode those answers and the
// recording proxy checks them against the spec; both read them here, beside the spec whose schemas
// the decoded value follows. A subpath of its own, so nothing else of specs loads the parser.

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  // Keep text exactly as sent ("a\t" stays "a\t"); whitespace between elements is dropped below.
  trimValues: false,
  // Drops processing instructions, the `<?xml …?>` declaration among them.
  ignorePiTags: true,
  commentPropName: false,
  processEntities: true,
  htmlEntities: true,
})

type Node = string | { [key: string]: Node | Node[] }

/**
 * Decodes a Rails `to_xml` document into the JSON the same endpoint would have sent: dashes in
 * names become underscores, `type="array"` elements become arrays, `type="integer"` numbers,
 * `type="boolean"` booleans and `nil="true"` null. The root element is unwrapped.
 *
 * @example
 * import { decodeRailsXml } from '@contactkit/specs/rails-xml'
 * decodeRailsXml('<result><import-id type="integer">1126</import-id></result>') // { import_id: 1126 }
 */
export function decodeRailsXml(xml: string): unknown {
  const document = parser.parse(xml) as Record<string, Node>
  // Text outside the root element is dropped by the parser, so the one key is the root's.
  const root = Object.keys(document)[0]
  if (root === undefined) {
    throw new SyntaxError('The XML document has no root element.')
  }
  return convert(document[root] as Node)
}

function convert(node: Node | Node[]): unknown {
  if (typeof node === 'string') {
    return node
  }
  if (Array.isArray(node)) {
    return node.map(convert)
  }
  if (node['@nil'] === 'true') {
    return null
  }
  const type = node['@type']
  const children = Object.entries(node).filter(([key]) => !key.startsWith('@') && key !== '#text')
  if (type === 'array') {
    return children.flatMap(([, value]) => (Array.isArray(value) ? value.map(convert) : [convert(value)]))
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
  const object: Record<string, unknown> = {}
  for (const [key, value] of children) {
    object[key.replace(/-/g, '_')] = convert(value)
  }
  return object
}

import { s3Document } from '@contactkit/specs/s3'
import type { BodyDecoder } from '../conformance.js'

/** One S3 XML document: its root element and its text elements, in order. */
export interface S3Xml {
  root: string
  elements: [name: string, value: string][]
}

// Elements the spec types as integers (`ProposedSize`, `MaxSizeAllowed`…): read as numbers for its schemas.
const errorSchema = s3Document.components?.schemas?.Error as { properties?: Record<string, { type?: unknown }> }
const integerElements = new Set(
  Object.entries(errorSchema?.properties ?? {}).flatMap(([name, schema]) => (schema.type === 'integer' ? [name] : [])),
)

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) {
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16))
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(Number(entity.slice(1)))
    }
    const named = entities[entity]
    if (named === undefined) {
      throw new Error(`unknown entity ${whole}`)
    }
    return named
  })
}

/**
 * Reads the little XML S3 answers with: a declaration, then one root element holding only text
 * elements (`<Error><Code>…</Code>…</Error>`, `<PostResponse>…`). Throws, saying where, on anything
 * else: nested elements, attributes, text outside elements, a missing declaration.
 *
 * @example
 * readS3Xml('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>')
 * // { root: 'Error', elements: [['Code', 'AccessDenied']] }
 */
export function readS3Xml(xml: string): S3Xml {
  const document = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<(\w+)>([\s\S]*)<\/(\w+)>\s*$/.exec(xml)
  if (!document || document[1] !== document[3]) {
    throw new Error(`not one XML root element after the declaration: ${xml.slice(0, 200)}`)
  }
  const inner = document[2] as string
  const elements: [string, string][] = []
  const element = /<(\w+)>([^<]*)<\/(\w+)>/y
  while (element.lastIndex < inner.length) {
    const start = element.lastIndex
    const match = element.exec(inner)
    if (!match || match[1] !== match[3]) {
      throw new Error(`expected a text element at ${start} of <${document[1]}>: ${inner.slice(start, start + 80)}`)
    }
    elements.push([match[1] as string, unescapeXml(match[2] as string)])
  }
  return { root: document[1] as string, elements }
}

/**
 * S3 bodies for conformance checks: an XML document read into the object its schema describes
 * (integer elements as numbers), anything else as text.
 *
 * @example
 * const conformance = conformanceRecorder(s3Document, target.baseUrl, decodeS3)
 */
export const decodeS3: BodyDecoder = (mediaType, text) => {
  if (!mediaType.endsWith('xml')) {
    return text
  }
  const { elements } = readS3Xml(text)
  return Object.fromEntries(
    elements.map(([name, value]) => [name, integerElements.has(name) && /^\d+$/.test(value) ? Number(value) : value]),
  )
}

import { pacificSeconds } from './pacific-time.js'
/**
 * Writes XML the way CloudSponge's Rails 2 server did (`Hash#to_xml` on Builder 3.0): the
 * declaration, two-space indentation, dasherized element names, `type` attributes on integers,
 * floats, booleans, datetimes and arrays, `nil="true"` written as an open and a close tag, empty
 * arrays self-closed, and every character outside ASCII as a decimal character reference.
 */

/** What the writer accepts: JSON-like values, plus Dates for `type="datetime"`. */
export type RailsXmlValue = string | number | boolean | null | undefined | Date | RailsXmlValue[] | RailsXmlHash
export interface RailsXmlHash {
  [key: string]: RailsXmlValue
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'

// Rails' Inflector on the keys CloudSponge uses; anything else loses a trailing "s".
const singulars: Record<string, string> = {
  addresses: 'address',
  companies: 'company',
  address: 'address',
  email: 'email',
  phone: 'phone',
}

/**
 * Renders a whole document: `<?xml …?>`, the root element and a final newline.
 *
 * @example
 * toRailsXml('result', { status: 'success', import_id: 1126, echo: null })
 * // <?xml version="1.0" encoding="UTF-8"?>
 * // <result>
 * //   <status>success</status>
 * //   <import-id type="integer">1126</import-id>
 * //   <echo nil="true"></echo>
 * // </result>
 */
export function toRailsXml(root: string, hash: RailsXmlHash): string {
  return `${declaration}<${root}>\n${railsXmlFields(hash, 1)}</${root}>\n`
}

// Hot path: the same few keys and depths repeat for every contact, so both are looked up once.
const dasherized = new Map<string, string>()
const indents: string[] = []

function dasherize(key: string): string {
  let name = dasherized.get(key)
  // Stryker disable next-line ConditionalExpression: the memo only saves time: bypassing it dasherizes the key again
  if (name === undefined) {
    name = key.replace(/_/g, '-')
    dasherized.set(key, name)
  }
  return name
}

function indentOf(depth: number): string {
  let indent = indents[depth]
  // Stryker disable next-line ConditionalExpression: the memo only saves time: bypassing it repeats the spaces again
  if (indent === undefined) {
    indent = '  '.repeat(depth)
    indents[depth] = indent
  }
  return indent
}

/** Renders the fields of a hash as elements at an indentation depth (1 = inside the root). */
export function railsXmlFields(hash: RailsXmlHash, depth: number): string {
  let out = ''
  for (const key in hash) {
    const value = hash[key]
    if (value !== undefined) {
      out += railsXmlElement(dasherize(key), value, depth)
    }
  }
  return out
}

/** Renders one element and its children. `name` is used as given (already dasherized). */
export function railsXmlElement(name: string, value: RailsXmlValue, depth: number): string {
  const indent = indentOf(depth)
  if (value === null || value === undefined) {
    return `${indent}<${name} nil="true"></${name}>\n`
  }
  if (typeof value === 'string') {
    return `${indent}<${name}>${escapeText(value)}</${name}>\n`
  }
  if (typeof value === 'number') {
    const type = Number.isInteger(value) ? 'integer' : 'float'
    return `${indent}<${name} type="${type}">${value}</${name}>\n`
  }
  if (typeof value === 'boolean') {
    return `${indent}<${name} type="boolean">${value}</${name}>\n`
  }
  if (value instanceof Date) {
    return `${indent}<${name} type="datetime">${xmlschema(value)}</${name}>\n`
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return `${indent}<${name} type="array"/>\n`
    }
    const child = singular(name)
    let out = `${indent}<${name} type="array">\n`
    for (const item of value) {
      out += railsXmlElement(child, item, depth + 1)
    }
    return `${out}${indent}</${name}>\n`
  }
  return `${indent}<${name}>\n${railsXmlFields(value, depth + 1)}${indent}</${name}>\n`
}

/** Builder's text escaping: &, < and > as entities, non-ASCII as `&#NNN;`, invalid characters as `*`. */
export function escapeText(text: string): string {
  // Fast path for the common all-ASCII, nothing-to-escape case.
  // Stryker disable next-line Regex: a fast path: a pattern that lets less through leaves more to the loop below, which returns such text unchanged (one that lets more through fails the tests)
  if (/^[\x20-\x25\x27-\x3b\x3d\x3f-\x7e]*$/.test(text)) {
    return text
  }
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x26) {
      out += '&amp;'
    } else if (code === 0x3c) {
      out += '&lt;'
    } else if (code === 0x3e) {
      out += '&gt;'
    } else if (code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0x7f)) {
      out += char
    } else if (code < 0x20 || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) {
      out += '*'
    } else {
      out += `&#${code};`
    }
  }
  return out
}

/** Ruby's `Time#xmlschema` in the vendor's zone (America/Los_Angeles): no fraction, `-07:00` or `-08:00`. */
export function xmlschema(date: Date): string {
  return pacificSeconds(date.getTime())
}

function singular(name: string): string {
  return singulars[name] ?? (name.endsWith('s') ? name.slice(0, -1) : name)
}

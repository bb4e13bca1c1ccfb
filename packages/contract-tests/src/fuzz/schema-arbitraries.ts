import fc from 'fast-check'
import { isObject, type JsonSchema } from './flat-schema.js'

/** A value for one field that breaks it, and whether every reading of the schema rejects it. */
export interface BrokenValue {
  /** The value to send; `undefined` means the field is left out. */
  value: unknown
  why: string
  /**
   * True only when the value is invalid under the strict reading and under the usual lenient
   * ones (strings coerced to numbers as `coerceTypes` does, empty values counted as absent,
   * `format` read as an annotation as JSON Schema 2020-12 says, enums matched case-insensitively).
   * Only such values may be required to get a 4xx.
   */
  invalid: boolean
}

/** Generated strings without `maxLength` stay this short in valid requests; huge ones are a breakage. */
const defaultMaxLength = 40
const safeMax = Number.MAX_SAFE_INTEGER

/**
 * Values a schema accepts: its `const` or `enum`, its examples and default, or values of its
 * type within its ranges, lengths, pattern and format.
 *
 * @example
 * fc.sample(validValue({ type: 'integer', minimum: 0 }), 3) // [0, 17, 2147483647]
 */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) {
    return fc.constant(schema.const)
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum)
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches) && branches.length > 0) {
      return fc.oneof(...branches.map((branch) => validValue({ ...schema, [key]: undefined, ...branch })))
    }
  }
  const types = Array.isArray(schema.type) ? schema.type.map(String) : schema.type ? [String(schema.type)] : []
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => validValue({ ...schema, type })))
  }
  const examples = schemaExamples(schema)
  const typed = typedValue(types[0] ?? inferType(schema), schema)
  return examples.length > 0 ? fc.oneof(fc.constantFrom(...examples), typed) : typed
}

function typedValue(type: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return integerIn(integerBounds(schema))
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1e9
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1e9
      return fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((value) => (Object.is(value, -0) ? 0 : value))
    }
    case 'string':
      return validString(schema)
    case 'array': {
      const items = isObject(schema.items) ? schema.items : {}
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0
      const maxLength = typeof schema.maxItems === 'number' ? schema.maxItems : minLength + 3
      return fc.array(validValue(items), { minLength, maxLength })
    }
    case 'object':
      return validObject(schema)
    default:
      // No type: any JSON scalar is valid.
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean())
  }
}

/**
 * An object with every required property and any of the optional ones, each valid. `override`
 * replaces a property's values (a vendor's narrower domain); `skip` leaves a property out.
 *
 * @example
 * validObject(schema, { override: (name) => (name === 'service' ? fc.constant('icloud') : undefined) })
 */
export function validObject(
  schema: JsonSchema,
  options: {
    override?: (name: string, schemaValue: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined
    skip?: (name: string) => boolean
  } = {},
): fc.Arbitrary<Record<string, unknown>> {
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {}
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, property] of Object.entries(properties)) {
    if (options.skip?.(name) && !required.has(name)) {
      continue
    }
    const schemaValue = validValue(property)
    model[name] = options.override?.(name, schemaValue) ?? schemaValue
  }
  // Required properties the schema names without describing still need a value.
  for (const name of required) {
    model[name] ??=
      options.override?.(name, fc.string({ minLength: 1, maxLength: 10 })) ?? fc.string({ minLength: 1, maxLength: 10 })
  }
  return fc.record(model, { requiredKeys: [...required].filter((name) => name in model) }) as fc.Arbitrary<
    Record<string, unknown>
  >
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(minLength, defaultMaxLength)
  const fits = (value: string) => codePoints(value) >= minLength && codePoints(value) <= maxLength
  const byFormat = formatValue(typeof schema.format === 'string' ? schema.format : undefined)
  if (byFormat) {
    return byFormat.filter(fits)
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits)
  }
  const choices: fc.WeightedArbitrary<string>[] = [
    // Printable ASCII most of the time, any code point (control characters, astral planes) too.
    { arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, minLength + defaultMaxLength) }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, minLength + 20) }), weight: 1 },
  ]
  if (typeof schema.maxLength === 'number' && maxLength <= 10_000) {
    // The longest the schema allows, in two-byte characters, once in a while.
    choices.push({ arbitrary: fc.constant('é'.repeat(maxLength)), weight: 1 })
  }
  return fc.oneof(...choices)
}

function formatValue(format: string | undefined): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'uri':
    case 'url':
      return fc.webUrl({ withQueryParameters: true, withFragments: true })
    case 'email':
      return fc.emailAddress()
    case 'uuid':
      return fc.uuid()
    case 'date-time':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString())
    case 'date':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10))
    case 'ipv4':
      return fc.ipV4()
    case 'hostname':
      return fc.domain()
    default:
      return undefined
  }
}

/** The integer range a schema allows, clamped to safe integers. */
export function integerBounds(schema: JsonSchema): { min: number; max: number } {
  let min = typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : -safeMax
  let max = typeof schema.maximum === 'number' ? Math.floor(schema.maximum) : safeMax
  if (typeof schema.exclusiveMinimum === 'number') {
    min = Math.max(min, Math.floor(schema.exclusiveMinimum) + 1)
  }
  if (typeof schema.exclusiveMaximum === 'number') {
    max = Math.min(max, Math.ceil(schema.exclusiveMaximum) - 1)
  }
  return { min: Math.max(min, -safeMax), max: Math.min(max, safeMax) }
}

/** Integers in a range: the bounds, small values near the lower bound, and anything between. */
function integerIn({ min, max }: { min: number; max: number }): fc.Arbitrary<number> {
  const low = Math.max(min, Math.min(0, max))
  return fc.oneof(
    fc.constantFrom(min, max),
    fc.integer({ min: low, max: Math.min(max, low + 100) }),
    fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number),
  )
}

/**
 * Values that break a field of this schema: a wrong type, out of range, an unknown enum value,
 * left out, empty, huge, control and other odd characters. Each says whether it is certainly
 * invalid (see {@link BrokenValue.invalid}).
 *
 * @example
 * fc.sample(brokenValue({ type: 'integer', minimum: 1 }, true), 2)
 * // [{ value: 0, why: 'below minimum 1', invalid: true }, { value: 'abc', why: 'not a number', invalid: true }]
 */
export function brokenValue(schema: JsonSchema, required: boolean): fc.Arbitrary<BrokenValue> {
  // For `[integer, null]` and the like, break the non-null type; "null" itself is then valid.
  const type = Array.isArray(schema.type)
    ? schema.type.map(String).find((name) => name !== 'null')
    : typeof schema.type === 'string'
      ? schema.type
      : inferType(schema)
  const nullable = Array.isArray(schema.type) && schema.type.includes('null')
  const candidates: fc.Arbitrary<BrokenValue>[] = [
    fc.constant({ value: undefined, why: 'left out', invalid: required }),
    // Empty values count as absent for many servers (CloudSponge among them).
    fc.constant({ value: '', why: 'empty', invalid: required && !acceptsEmpty(schema) }),
    // Three times as likely as the others: odd characters find the most bugs.
    ...Array.from({ length: 3 }, () =>
      oddStrings.map((value) => ({ value, why: 'odd characters', invalid: stringInvalid(value, schema, required) })),
    ),
    fc
      .constantFrom(70_000, 1_000_000)
      .map((size) => 'x'.repeat(size))
      .map((value) => ({
        value,
        why: `huge string (${value.length} chars)`,
        invalid: stringInvalid(value, schema, required),
      })),
    // Wrong JSON types: servers that coerce may accept them, so none is certainly invalid.
    fc.constantFrom<unknown>(true, null, 12, -1.5, [], {}, ['a', 'b'], { nested: { deep: true } }).map((value) => ({
      value,
      why: 'wrong type',
      invalid: false,
    })),
  ]
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const known = schema.enum.map((value) => String(value).trim().toLowerCase())
    candidates.push(
      fc
        .oneof(fc.constantFrom(...schema.enum.map((value) => `${String(value)}x`)), fc.stringMatching(/^[a-z_]{1,12}$/))
        .filter((value) => !known.includes(value.trim().toLowerCase()))
        .map((value) => ({ value, why: 'unknown enum value', invalid: true })),
    )
  }
  if (type === 'integer' || type === 'number') {
    const { min, max } = integerBounds(schema)
    const numeric: fc.Arbitrary<BrokenValue>[] = [
      fc
        .constantFrom('abc', 'NaN', '--1', '1,000', '١٢', '🙂', '1 2', 'null', 'true')
        .map((value) => ({ value, why: 'not a number', invalid: !nullable || value !== 'null' })),
      // Lenient servers read these as numbers (" 1 " and "0x10" coerce); they are odd, not invalid.
      fc.constantFrom(' 1 ', '0x10', '1e3', '01', '+1', '-0', 'Infinity').map((value) => ({
        value,
        why: 'number in an odd notation',
        invalid: false,
      })),
      // Mathematically an integer, so valid unless a maximum says otherwise (checked below).
      fc.constant({ value: '9'.repeat(400), why: 'far beyond 64-bit integers', invalid: false }),
    ]
    if (type === 'integer') {
      numeric.push(fc.constantFrom('1.5', 1.5).map((value) => ({ value, why: 'not an integer', invalid: true })))
    }
    if (min > -safeMax) {
      numeric.push(beyond(min, -1).map((value) => ({ value, why: `below minimum ${min}`, invalid: true })))
    }
    if (max < safeMax) {
      numeric.push(beyond(max, 1).map((value) => ({ value, why: `above maximum ${max}`, invalid: true })))
    }
    candidates.push(...numeric)
  }
  if (type === 'boolean') {
    candidates.push(
      fc.constantFrom('maybe', '2', 'yes please').map((value) => ({ value, why: 'not a boolean', invalid: true })),
    )
  }
  if (type === 'string') {
    if (typeof schema.maxLength === 'number') {
      const maxLength = schema.maxLength
      candidates.push(
        fc
          .constantFrom('a', '🙂', 'é')
          .map((unit) => unit.repeat(maxLength + 1))
          .map((value) => ({ value, why: `longer than maxLength ${maxLength}`, invalid: true })),
      )
    }
    if (typeof schema.minLength === 'number' && schema.minLength > 1) {
      const value = 'a'.repeat(schema.minLength - 1)
      candidates.push(fc.constant({ value, why: `shorter than minLength ${schema.minLength}`, invalid: true }))
    }
    if (typeof schema.pattern === 'string') {
      const pattern = new RegExp(schema.pattern, 'u')
      candidates.push(
        fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((value) => !pattern.test(value))
          .map((value) => ({ value, why: `does not match ${schema.pattern}`, invalid: true })),
      )
    }
    if (typeof schema.format === 'string') {
      // JSON Schema 2020-12 reads `format` as an annotation: a server may accept these.
      candidates.push(
        fc.constantFrom('not a value of this format', 'http://', '::', '2026-13-45T99:99:99Z').map((value) => ({
          value,
          why: `not a ${schema.format}`,
          invalid: false,
        })),
      )
    }
  }
  return fc.oneof(...candidates)
}

/** Integers past a bound, in a direction: the nearest one, or up to a million further. */
function beyond(bound: number, direction: 1 | -1): fc.Arbitrary<number> {
  const near = bound + direction
  const far = bound + direction * 1_000_000
  return fc.oneof(
    fc.constant(near),
    fc.bigInt({ min: BigInt(Math.min(near, far)), max: BigInt(Math.max(near, far)) }).map(Number),
  )
}

/** Strings that trip parsers and encoders: controls, bidi, BOM, astral, lone surrogates, injections. */
export const oddStrings: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\r\n',
      '\t\u000b\u000c',
      '\u0007\u001b[31m',
      '\u202eevil',
      '\ufeff',
      '\uffff\ufffe',
      '\ud800',
      'a\udc00b',
      '🙂👩‍👩‍👧‍👦',
      'e\u0301\u0301\u0301',
      'İı',
      '　',
      '%00',
      '%',
      '%E0%A4%A',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      ']]><!--',
      '&amp;&#0;&#x1;',
      "'; DROP TABLE imports; --",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
      '{{7*7}}${7*7}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
      '${jndi:ldap://x}',
      '\\',
      '"',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
)

function acceptsEmpty(schema: JsonSchema): boolean {
  const type = schema.type
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'))
  return (
    isString &&
    !(typeof schema.minLength === 'number' && schema.minLength > 0) &&
    !Array.isArray(schema.enum) &&
    !schema.pattern
  )
}

/** Whether a string value is certainly invalid for a string schema (non-string schemas: see callers). */
function stringInvalid(value: string, schema: JsonSchema, required: boolean): boolean {
  if (value === '') {
    return required && !acceptsEmpty(schema)
  }
  const length = codePoints(value)
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
    return true
  }
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    return true
  }
  if (Array.isArray(schema.enum)) {
    const known = schema.enum.map((member) => String(member).trim().toLowerCase())
    return !known.includes(value.trim().toLowerCase())
  }
  if (typeof schema.pattern === 'string') {
    return !new RegExp(schema.pattern, 'u').test(value)
  }
  // For integer and number schemas only plainly non-numeric text is certain.
  if (schema.type === 'integer' || schema.type === 'number') {
    return Number.isNaN(Number(value))
  }
  return false
}

function schemaExamples(schema: JsonSchema): unknown[] {
  const examples = Array.isArray(schema.examples) ? [...schema.examples] : []
  if ('example' in schema) {
    examples.push(schema.example)
  }
  if ('default' in schema) {
    examples.push(schema.default)
  }
  return examples
}

function inferType(schema: JsonSchema): string {
  if (isObject(schema.properties) || Array.isArray(schema.required)) {
    return 'object'
  }
  if (isObject(schema.items)) {
    return 'array'
  }
  if (typeof schema.minimum === 'number' || typeof schema.maximum === 'number') {
    return 'number'
  }
  if (typeof schema.maxLength === 'number' || typeof schema.pattern === 'string' || typeof schema.format === 'string') {
    return 'string'
  }
  return ''
}

/** Length as JSON Schema counts it: code points, not UTF-16 units. */
function codePoints(value: string): number {
  let count = 0
  for (const _ of value) {
    count++
  }
  return count
}

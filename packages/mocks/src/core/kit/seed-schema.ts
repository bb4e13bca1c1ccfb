import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type Problem } from '@contactkit/specs/validator'

/** A JSON Schema (2020-12), as plain data. */
export type JsonSchema = Record<string, unknown>

export interface SeedSchemaOptions {
  /** As the vendor writes its name, for the sentence: `CloudSponge`. */
  title: string
  /** What `POST /__admin/state` takes. `description`s name what a value should be where a `oneOf` fails. */
  schema: JsonSchema
  /** The vendor's spec: the schema may `$ref` its components (`#/components/schemas/Contact`). */
  document?: OpenApiDocument
}

const operationId = 'seed'

/**
 * A seed checker from a JSON Schema, run by the project's spec validator: the shape of a seed is
 * data beside the vendor, and every vendor refuses a bad seed in one style, a RangeError naming
 * each field where it is: `Failed to seed the CloudSponge simulator: accounts[0].username is
 * required.` What a schema cannot say (an id that must be new, an account that must exist) the
 * vendor checks after, in the same style, with `seedFailure`.
 *
 * @example
 * const checkSeed = seedSchema<CloudSpongeSeed>({ title: 'CloudSponge', schema: { type: 'object', properties: { tenants: { type: 'array' } } } })
 * const seed = checkSeed(input) // throws a RangeError that says what to fix
 */
export function seedSchema<T>(options: SeedSchemaOptions): (input: unknown) => T {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: `${options.title} seed`, version: '1' },
    paths: {
      '/__admin/state': {
        post: {
          operationId,
          requestBody: { required: true, content: { 'application/json': { schema: options.schema } } },
          responses: { '200': { description: 'seeded' } },
        },
      },
    },
    ...(options.document?.components ? { components: options.document.components } : {}),
  }
  // Schemas compile on the first seed: a simulator that is never seeded never compiles them.
  const validator = createValidator(document)
  return (input) => {
    if (input === undefined || input === null) {
      throw seedFailure(options.title, `send ${String(options.schema.description ?? 'a JSON object')}`)
    }
    const { problems } = validator.validateRequest(operationId, { mediaType: 'application/json', body: input })
    if (problems.length > 0) {
      throw seedFailure(options.title, describeSeedProblems(problems, input, document, options.schema))
    }
    return input as T
  }
}

/**
 * The error a vendor throws for a seed it cannot take, in the style of the schema's errors.
 *
 * @example
 * throw seedFailure('Aurinko', 'accounts[1]: account 1001 exists already; choose another id')
 */
export function seedFailure(title: string, why: string): RangeError {
  return new RangeError(`Failed to seed the ${title} simulator: ${why.replace(/\.$/, '')}.`)
}

interface Found {
  tokens: string[]
  message: string
}

/** The problems as one sentence, each naming its field as a reader writes it: `accounts[0].contacts`. */
function describeSeedProblems(problems: Problem[], input: unknown, document: OpenApiDocument, root: JsonSchema) {
  const found: Found[] = problems.map((problem) => {
    const tokens = problem.location.split('.').slice(1)
    const name = tokens.at(-1) ?? 'body'
    let message = problem.message.startsWith(`${name} `) ? problem.message.slice(name.length + 1) : problem.message
    if (/^must NOT have (additional|unevaluated) properties$/.test(message)) {
      message = unknownFields(valueAt(input, tokens), schemaAt(root, tokens, document)) ?? message
    }
    if (message.startsWith('must match pattern')) {
      const description = schemaAt(root, tokens, document)?.description
      message = description === undefined ? message : `must be ${String(description)}`
    }
    return { tokens, message: readable(message) }
  })
  // A failed oneOf reports what every branch missed. Where a field inside is wrong, that field
  // says it; otherwise the schema's description says in one phrase what fits there.
  const key = (tokens: string[]) => tokens.join('/')
  const branching = new Set(found.filter((one) => one.message.startsWith('must match')).map((one) => key(one.tokens)))
  const kept = found.filter(
    (one) =>
      !branching.has(key(one.tokens)) &&
      !(one.message === 'is required' && branching.has(key(one.tokens.slice(0, -1)))),
  )
  for (const branch of branching) {
    const tokens = branch === '' ? [] : branch.split('/')
    if (
      !kept.some(
        (one) => one.tokens.length > tokens.length && key(one.tokens).startsWith(branch === '' ? '' : `${branch}/`),
      )
    ) {
      const description = schemaAt(root, tokens, document)?.description
      kept.push({ tokens, message: `must be ${String(description ?? 'of another kind')}` })
    }
  }
  return [...new Set(kept.map((one) => `${fieldPath(one.tokens)} ${one.message}`))].join('; ')
}

function fieldPath(tokens: string[]): string {
  if (tokens.length === 0) {
    return 'the seed'
  }
  return tokens.map((token, index) => (/^\d+$/.test(token) ? `[${token}]` : index === 0 ? token : `.${token}`)).join('')
}

// Ajv's words made into a reader's: "must be array,null" → "must be an array or null".
const typeNames: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
}

function readable(message: string): string {
  const types = /^must be ([a-z,]+)$/.exec(message)?.[1]?.split(',')
  if (types?.every((type) => type in typeNames)) {
    return `must be ${types.map((type) => typeNames[type]).join(' or ')}`
  }
  if (message === 'must NOT have fewer than 1 characters') {
    return 'must not be empty'
  }
  return message.replace(/^must NOT have/, 'must not have')
}

function unknownFields(value: unknown, schema: JsonSchema | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || !schema) {
    return undefined
  }
  const known = Object.keys((schema.properties ?? {}) as JsonSchema)
  const unknown = Object.keys(value).filter((key) => !known.includes(key))
  return unknown.length === 0 || known.length === 0
    ? undefined
    : `has no field ${unknown.map((key) => `"${key}"`).join(', ')}; it takes ${known.join(', ')}`
}

function valueAt(value: unknown, tokens: string[]): unknown {
  return tokens.reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token], value)
}

/** The schema that applies at a path, through `properties`, `items`, `$ref`s and `allOf`, as far as it goes. */
function schemaAt(root: JsonSchema, tokens: string[], document: OpenApiDocument): JsonSchema | undefined {
  let schema: JsonSchema | undefined = deref(root, document)
  for (const token of tokens) {
    if (!schema) {
      return undefined
    }
    schema = deref(childSchema(schema, token, document), document)
  }
  return schema
}

/** The schema of a field or item, looking into a `oneOf` or `anyOf` branch that has it. */
function childSchema(schema: JsonSchema, token: string, document: OpenApiDocument): JsonSchema | undefined {
  const own = (/^\d+$/.test(token) ? schema.items : (schema.properties as JsonSchema | undefined)?.[token]) as
    | JsonSchema
    | undefined
  if (own) {
    return own
  }
  const branches = [...((schema.oneOf ?? []) as JsonSchema[]), ...((schema.anyOf ?? []) as JsonSchema[])]
  for (const branch of branches) {
    const found = deref(branch, document)
    const child = found && childSchema(found, token, document)
    if (child) {
      return child
    }
  }
  return undefined
}

function deref(schema: JsonSchema | undefined, document: OpenApiDocument): JsonSchema | undefined {
  let current = schema
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 20; hops++) {
    current = String(current.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, token) => (node as JsonSchema | undefined)?.[token], document) as JsonSchema | undefined
  }
  // A schema made of allOf parts (a referenced one and some more properties) offers all their properties.
  const parts = (current?.allOf as JsonSchema[] | undefined)?.map((part) => deref(part, document))
  if (current && parts) {
    const properties = Object.assign({}, ...parts.map((part) => part?.properties ?? {}), current.properties ?? {})
    return { ...current, properties }
  }
  return current
}

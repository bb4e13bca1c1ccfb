import type { OpenApiDocument } from '@contactkit/specs'
import { resolveRef } from '@contactkit/specs/openapi-model'

/** A JSON Schema as it sits in an OpenAPI 3.1 document; read loosely, keyword by keyword. */
export type JsonSchema = Record<string, unknown>

/**
 * Resolves every `$ref` inside a schema and merges `allOf` into one schema, so generators see
 * plain `properties`, `required`, `enum` and ranges. Cycles stop at a depth limit (as `{}`).
 *
 * @example
 * flattenSchema(document, { $ref: '#/components/schemas/UsernamePasswordImportForm' }).required
 * // ['service', 'username', 'password']
 */
export function flattenSchema(document: OpenApiDocument, schema: unknown, depth = 0): JsonSchema {
  if (depth > 16) {
    return {}
  }
  const resolved = resolveRef(document, schema).value
  const { allOf, ...rest } = resolved
  let result: JsonSchema = { ...rest }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (isObject(result[key])) {
      result[key] = flattenSchema(document, result[key], depth + 1)
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(result[key])) {
      result[key] = (result[key] as unknown[]).map((branch) => flattenSchema(document, branch, depth + 1))
    }
  }
  if (isObject(result.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(result.properties).map(([name, property]) => [name, flattenSchema(document, property, depth + 1)]),
    )
  }
  for (const part of asArray(allOf)) {
    result = mergeSchemas(result, flattenSchema(document, part, depth + 1))
  }
  return result
}

/** Both schemas at once: properties merged, required united, ranges narrowed; otherwise the first wins. */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...b, ...a }
  if (isObject(a.properties) || isObject(b.properties)) {
    const properties: Record<string, JsonSchema> = { ...(b.properties as Record<string, JsonSchema> | undefined) }
    for (const [name, schema] of Object.entries((a.properties as Record<string, JsonSchema> | undefined) ?? {})) {
      properties[name] = properties[name] ? mergeSchemas(schema, properties[name]) : schema
    }
    merged.properties = properties
  }
  const required = new Set([...asArray(a.required), ...asArray(b.required)].map(String))
  if (required.size > 0) {
    merged.required = [...required]
  }
  if (a.type === undefined && b.type === undefined && (isObject(a.properties) || isObject(b.properties))) {
    merged.type = 'object'
  }
  for (const [low, pick] of [
    ['minimum', Math.max],
    ['minLength', Math.max],
    ['minItems', Math.max],
    ['maximum', Math.min],
    ['maxLength', Math.min],
    ['maxItems', Math.min],
  ] as const) {
    if (typeof a[low] === 'number' && typeof b[low] === 'number') {
      merged[low] = pick(a[low] as number, b[low] as number)
    }
  }
  return merged
}

/** Whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

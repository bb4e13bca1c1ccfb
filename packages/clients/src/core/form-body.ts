/**
 * An `application/x-www-form-urlencoded` body from named fields, leaving out the undefined ones
 * so optional parameters are not sent as empty strings. Use it as openapi-fetch's `bodySerializer`.
 *
 * @example
 * raw.POST('/begin_import/import', { body, bodySerializer: (body) => formUrlEncoded(body) })
 */
export function formUrlEncoded(fields: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      form.set(key, String(value))
    }
  }
  return form
}

import type { ErrorBodyReader } from '../../core/errors.js'

/**
 * Reads Rolodex's error body, `{"error":{"status","message","code"}}`, into the typed error's code
 * and message; a body that is not one is no details at all.
 *
 * @example
 * readRolodexError({ error: { status: 404, message: 'There is no card c9.', code: 'card.missing' } })
 * // { code: 'card.missing', message: 'There is no card c9.' }
 */
export const readRolodexError: ErrorBodyReader = (body) => {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined
  if (typeof error !== 'object' || error === null) {
    return {}
  }
  const { code, message } = error as { code?: unknown; message?: unknown }
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  }
}

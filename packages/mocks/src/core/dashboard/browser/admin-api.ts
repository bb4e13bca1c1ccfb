import { adminErrorMessage } from './format.js'

/** Calls the admin API of the simulator that served the page; rejects with the API's own sentence. */
export type AdminApi = <T>(method: string, path: string, body?: unknown) => Promise<T>

/**
 * The admin API under the page's own URL (`/__admin/`), with the admin token when the page was
 * opened with one.
 *
 * @example
 * const api = adminApi(token)
 * const clock = await api<ClockView>('POST', 'clock', { advanceMs: 5000 })
 */
export function adminApi(token: string): AdminApi {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (token) {
      headers['X-Contactkit-Admin-Token'] = token
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
    }
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data: unknown = text ? JSON.parse(text) : {}
    if (!response.ok) {
      throw new Error(adminErrorMessage(response.status, data))
    }
    return data as T
  }
}

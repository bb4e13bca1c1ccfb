import { manualClock } from '../../core/clock.js'
import { type CloudSpongeSimulatorOptions, createCloudSpongeSimulator } from '../index.js'
import type { ImportMethod } from '../services.js'
import { documentedTenant } from '../tenants.js'

export interface ImportInput {
  service: string
  username: string
  /** Default `pw`; unused by the consent methods, whose user is signed in by the answer. */
  password?: string
  /** Begins with `include=mailing_address`. */
  include?: boolean
  /** Default `import`; `user_consent` and `desktop_applet` are approved for `username`. */
  method?: ImportMethod
}

/** Every status on the way, and the whole address book in both formats. */
export interface ImportedBook {
  statuses: number[]
  /** The JSON answer as sent, to check key order and escaping in the text. */
  json: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has.
  body: any
  xml: string
}

/**
 * The Authorization header of a domain's credentials.
 *
 * @example
 * await sim.app.request('/events/1126', { headers: basic('key', 'password') })
 */
export function basic(domainKey: string, domainPassword: string): { Authorization: string } {
  return { Authorization: `Basic ${btoa(`${domainKey}:${domainPassword}`)}` }
}

/** The documented domain's Authorization header. */
export const auth = basic(documentedTenant.domainKey, documentedTenant.domainPassword)

/**
 * A CloudSponge simulator on a manual clock (2026-03-01T12:00:00Z unless the options give another)
 * with helpers for its tests: `seed` goes through the admin API, `importOf` runs a whole import and
 * reads its contacts in JSON and XML, `begin` and `get` send one request as the documented domain.
 *
 * @example
 * const { seed, importOf } = cloudspongeHarness()
 * const { body, xml } = await importOf({ service: 'icloud', username: 'foo', password: 'bar' })
 */
export function cloudspongeHarness(options: CloudSpongeSimulatorOptions = {}) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z'), ...options })

  async function seed(body: unknown): Promise<{ status: number; body: { error?: { message: string } } }> {
    const response = await sim.app.request('/__admin/state', { method: 'POST', body: JSON.stringify(body) })
    return { status: response.status, body: await response.json() }
  }

  async function importOf(input: ImportInput): Promise<ImportedBook> {
    const method = input.method ?? 'import'
    const fields: Record<string, string> = { service: input.service }
    if (method === 'import') {
      Object.assign(fields, { username: input.username, password: input.password ?? 'pw' })
    }
    if (input.include) {
      fields.include = 'mailing_address'
    }
    const begun = await sim.app.request(`/begin_import/${method}.json`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams(fields),
    })
    const { import_id } = (await begun.clone().json()) as { import_id: number }
    if (method !== 'import') {
      sim.decide(import_id, 'approved', input.username)
    }
    sim.clock.advance(60_000)
    const json = await sim.app.request(`/contacts/${import_id}.json`, { headers: auth })
    const xml = await sim.app.request(`/contacts/${import_id}.xml`, { headers: auth })
    const text = await json.text()
    return {
      statuses: [begun.status, json.status, xml.status],
      json: text,
      body: json.ok ? JSON.parse(text) : undefined,
      xml: await xml.text(),
    }
  }

  /** Begins an import with form fields (at `/begin_import/import.json` unless told), answering its parsed body. */
  async function begin(
    fields: Record<string, string>,
    path = '/begin_import/import.json',
    headers: Record<string, string> = auth,
  ) {
    const response = await sim.app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields) })
    return { response, body: (await response.json()) as { import_id: number; url?: string; status: string } }
  }

  /** GETs a path as the documented domain. */
  function get(path: string, headers: Record<string, string> = auth) {
    return sim.app.request(path, { headers })
  }

  return { sim, seed, importOf, begin, get }
}

/**
 * The names of the child elements of each `<name>` at an indentation depth (1 = inside the root),
 * in order: Rails XML puts every element on its own line, indented by two spaces a level.
 *
 * @example
 * childElements(xml, 'phone', 4) // [['number', 'type', 'primary'], ['number', 'type']]
 */
export function childElements(xml: string, name: string, depth: number): string[][] {
  const open = `${'  '.repeat(depth)}<${name}>`
  const close = `${'  '.repeat(depth)}</${name}>`
  const child = new RegExp(`^${'  '.repeat(depth + 1)}<([a-z-]+)`)
  const found: string[][] = []
  let current: string[] | undefined
  for (const line of xml.split('\n')) {
    if (line === open) {
      current = []
    } else if (line === close && current) {
      found.push(current)
      current = undefined
    } else if (current) {
      const match = child.exec(line)
      if (match) {
        current.push(match[1] as string)
      }
    }
  }
  return found
}

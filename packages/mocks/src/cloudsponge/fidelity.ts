import type { FidelitySettings } from '../core/fidelity.js'
import type { CloudSpongeSimulator } from './index.js'
import { recordedShapeAccounts } from './recorded-shapes.js'

/**
 * How `contactkit-mocks compare` replays CloudSponge recordings: its registry entry's `fidelity`.
 *
 * - JSON keys are compared in order: Rails writes them in a fixed order, and clients of the 2016
 *   API parse by position.
 * - The redacted Basic pair is the domain key and password; a redacted address-book password
 *   becomes the documented account's (`bar`), so `foo` reaches its book.
 * - `X-Frame-Options` is the vendor's own header; `status` and `import_type` are words of the API.
 * - `/events.json/ID` (old clients) is the spec's `/events/ID.json`.
 * - A replay seeds the recorded shape accounts and, after a consent or applet begin_import, gives
 *   the user's consent as the shape account of that service: the recording shows only the API.
 */
export const cloudspongeFidelity: FidelitySettings<CloudSpongeSimulator> = {
  orderedJsonKeys: true,
  credentials: {
    basic: ['domain key', 'domain password'],
    defaultScheme: 'basic',
    otherSecrets: { password: 'bar' },
  },
  headers: { 'x-frame-options': 'value' },
  vocabulary: ['status', 'import_type'],
  canonicalPath: (path) =>
    path.replace(/^\/(events|contacts)\.(json|xml)\/([^/]+)$/, '/$1/$3.$2').replace(/(.)\/$/, '$1'),
  prepare(simulator) {
    simulator.seed({ accounts: recordedShapeAccounts })
  },
  afterExchange({ simulator, operationId, requestBody, status, answer }) {
    if (status !== 200 || !/^begin(UserConsent|DesktopApplet)/.test(operationId)) {
      return
    }
    const service = String((requestBody as Record<string, unknown> | undefined)?.service ?? '').toLowerCase()
    const importId = Number(findKey(answer, /^import[_-]id$/))
    const account = recordedShapeAccounts.find((candidate) => candidate.service === service)?.username
    if (Number.isFinite(importId)) {
      try {
        simulator.decide(importId, 'approved', account)
      } catch {
        // An import the simulator no longer waits on needs no decision.
      }
    }
  },
}

/** The first value under a key matching `key`, anywhere in a decoded answer (`import_id`, `import-id` in XML). */
function findKey(value: unknown, key: RegExp): unknown {
  if (typeof value !== 'object' || value === null) {
    return undefined
  }
  for (const [name, item] of Object.entries(value)) {
    if (key.test(name)) {
      return item
    }
    const inner = findKey(item, key)
    if (inner !== undefined) {
      return inner
    }
  }
  return undefined
}

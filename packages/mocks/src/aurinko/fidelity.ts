import type { FidelitySettings } from '../core/fidelity.js'

/** How `contactkit-mocks compare` replays Aurinko recordings: a redacted bearer token is the account token. */
export const aurinkoFidelity: FidelitySettings = {
  credentials: { bearer: 'account token', defaultScheme: 'bearer' },
}

import { defineVendor } from '../../registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../../simulator.js'
import { resolveOptions } from '../../simulator-options.js'
import { rolodexError } from './errors.js'
import { rolodexRoutes } from './routes.js'
import { rolodexDocument } from './spec.js'
import { createRolodexState } from './state.js'
import { sandboxAccount } from './tenants.js'

/**
 * Creates a Rolodex simulator: the kit's credentials, guard, JSON answers and seed schema over
 * the core, and nothing else.
 *
 * @example
 * const sim = createRolodexSimulator({ clock: manualClock() })
 * await sim.app.request('/v1/cards', { headers: { Authorization: 'Bearer rolodex-sandbox-token' } })
 */
export function createRolodexSimulator(options: SimulatorOptions = {}): Simulator {
  const resolved = resolveOptions(options)
  const state = createRolodexState()
  return createSimulator(
    {
      name: 'rolodex',
      document: rolodexDocument,
      registration: rolodexVendor,
      routes: rolodexRoutes({ accounts: () => state.accounts, nextId: state.nextId }),
      state,
      errorResponse: rolodexError,
    },
    resolved,
  )
}

/** The Rolodex entry of a vendor registry. */
export const rolodexVendor = defineVendor({
  name: 'rolodex',
  title: 'Rolodex',
  defaultPort: 4050,
  baseUrl: 'https://api.rolodex.example',
  baseUrlEnv: 'ROLODEX_BASE_URL',
  create: createRolodexSimulator,
  credentials: [{ label: 'account token', value: sandboxAccount.token, env: 'ROLODEX_TOKEN' }],
  examples: [
    { title: 'List cards', command: `curl -H 'Authorization: Bearer ${sandboxAccount.token}' '{baseUrl}/v1/cards'` },
  ],
  referenceAuth: { CardToken: { token: sandboxAccount.token } },
})

import { type CloudSpongeSimulatorOptions, createCloudSpongeSimulator, documentedTenant } from './cloudsponge/index.js'
import type { Simulator } from './core/simulator.js'

/** A simulator the CLI can start, with what it prints for the user. */
export interface SimulatorEntry {
  name: string
  defaultPort: number
  create(options: CloudSpongeSimulatorOptions): Simulator
  /** Lines that tell a user how to authenticate. */
  credentials: string[]
}

export const simulatorEntries: SimulatorEntry[] = [
  {
    name: 'cloudsponge',
    defaultPort: 4010,
    create: (options) => createCloudSpongeSimulator(options),
    credentials: [
      `domain key ${documentedTenant.domainKey}`,
      `domain password ${documentedTenant.domainPassword}`,
      'try: service=icloud username=foo password=bar',
    ],
  },
]

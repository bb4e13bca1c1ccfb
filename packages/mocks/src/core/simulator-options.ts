import { type Clock, systemClock } from './clock.js'
import type { SimulatorOptions } from './simulator.js'

/** Options with the core's defaults filled in: what a vendor builds its stores from. */
export type ResolvedOptions<O extends SimulatorOptions = SimulatorOptions> = O & { clock: Clock; randomSeed: number }

/**
 * Fills in the defaults every simulator shares, once, in the core: the clock (`systemClock()`) and
 * the random seed (1). A vendor resolves its options first, builds its stores on the result, and
 * hands the same result to `createSimulator`, so stores and core read one clock and one seed.
 *
 * @example
 * const resolved = resolveOptions(options)
 * const store = new ImportStore(resolved.clock, timing, seededRandom(resolved.randomSeed))
 * createSimulator(definition, resolved)
 */
export function resolveOptions<O extends SimulatorOptions>(options: O): ResolvedOptions<O> {
  return { ...options, clock: options.clock ?? systemClock(), randomSeed: options.randomSeed ?? 1 }
}

/**
 * Where a simulator is reached from outside, for links it writes into its answers when no request
 * says (S3's bucket URL in a presigned form): its public URL, else where its set serves it, else
 * its vendor's default port on loopback.
 *
 * @example
 * ownUrl(options, s3Vendor) // 'http://127.0.0.1:4040' for a simulator made alone
 */
export function ownUrl(options: SimulatorOptions, vendor: { name: string; defaultPort: number }): string {
  if (options.publicUrl) {
    return options.publicUrl.replace(/\/$/, '')
  }
  const fallback = `http://127.0.0.1:${vendor.defaultPort}`
  try {
    return options.peers?.urlOf(vendor.name) ?? fallback
  } catch {
    // A set without this vendor's entry (a test's own registry) knows no URL for it.
    return fallback
  }
}

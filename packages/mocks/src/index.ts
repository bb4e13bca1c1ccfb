import { createSimulatorSet, type SimulatorSet, type SimulatorSetOptions } from './core/simulator-set.js'
import { vendors } from './vendors.js'

export { ByteCache, type ByteCacheOptions } from './core/byte-cache.js'
export { type Clock, manualClock, systemClock } from './core/clock.js'
export type { FaultRule, FaultRuleInput } from './core/faults.js'
export type { JournalEntry, JournalFilter, JournalOptions } from './core/journal.js'
export {
  type Admitted,
  type Authentication,
  admit,
  type Base64Alphabet,
  type BasicProblem,
  basicCredentials,
  bearerToken,
  type Denied,
  deny,
  parameterCredentials,
  type UserCredentials,
} from './core/kit/credentials.js'
export {
  type Admission,
  asMiddleware,
  type Check,
  createGuard,
  type GuardOptions,
  type Prepare,
} from './core/kit/guard.js'
export { json, jsonHeaders, jsonText } from './core/kit/json.js'
export { BoundedMemo } from './core/kit/memo.js'
export { type JsonSchema, type SeedSchemaOptions, seedFailure, seedSchema } from './core/kit/seed-schema.js'
export { publicOrigin } from './core/public-origin.js'
export {
  defineVendor,
  type VendorCredential,
  type VendorExample,
  type VendorMagicAccount,
  type VendorProfile,
  type VendorReferenceAuth,
  type VendorRegistration,
} from './core/registry.js'
export { type ParsedBody, readBody } from './core/request-body.js'
export { seedSet, snapshotSet } from './core/set-seed.js'
export {
  adminPrefix,
  type BodyLimitRule,
  type CoreEnv,
  createSimulator,
  type ErrorDetails,
  type ErrorResponder,
  faultHeader,
  type PeerLink,
  type Peers,
  respondWith,
  type Simulator,
  type SimulatorOptions,
  type VendorDefinition,
  type VendorState,
} from './core/simulator.js'
export { ownUrl, type ResolvedOptions, resolveOptions } from './core/simulator-options.js'
export { createSimulatorSet, type SimulatorSet, type SimulatorSetOptions } from './core/simulator-set.js'
export {
  describeProblems,
  type Invalid,
  locatedProblems,
  type RequestDescription,
  refuseJsonRequest,
  type SpecValidationEnv,
  type SpecValidationOptions,
  specCheck,
  specValidation,
  type ValidatedRequest,
} from './core/spec-validation.js'
export { httpDate, isoMillis, isoSeconds, wholeSeconds } from './core/time-format.js'
export { type Timeline, type TimelinePosition, type TimelineStep, timeline } from './core/timeline.js'
export { type VendorName, vendors } from './vendors.js'

/**
 * Every registered simulator in one process, on one clock, each knowing the others' URLs.
 *
 * @example
 * const set = createSimulators({ clock: manualClock() })
 * const cloudsponge = set.get('cloudsponge')
 * set.clock.advance(10_000) // every simulator sees the same time
 */
export function createSimulators(options: SimulatorSetOptions = {}): SimulatorSet {
  return createSimulatorSet(vendors, options)
}

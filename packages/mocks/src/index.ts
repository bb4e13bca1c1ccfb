export { type Clock, manualClock, systemClock } from './core/clock.js'
export type { FaultRule, FaultRuleInput } from './core/faults.js'
export type { JournalEntry, JournalFilter } from './core/journal.js'
export { faultHeader, type Simulator, type SimulatorOptions } from './core/simulator.js'

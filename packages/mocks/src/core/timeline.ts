/** One step of a process that takes time on the simulator clock. */
export interface TimelineStep<Phase extends string> {
  phase: Phase
  durationMs: number
}

/** Where a timeline stands at one instant. */
export interface TimelinePosition<Phase extends string> {
  /** The current step's phase, or `done` once every step has passed. */
  phase: Phase | 'done'
  /** Index of the current step; `steps.length` once done. */
  step: number
  /** How far through the current step, 0 to 1 (1 once done). */
  stepProgress: number
  /** How far through the whole timeline, 0 to 1. */
  progress: number
  /** When the current step began and ends (epoch ms); both the end of the last step once done. */
  stepStartedAt: number
  stepEndsAt: number
  /** When the last step ends. */
  endsAt: number
}

/**
 * A list of steps with durations that says, for any clock time, which phase a process is in and
 * how far it got. Nothing is stored or scheduled: state is a function of the clock, so advancing a
 * manual clock moves every import, provisioning or processing job at once.
 *
 * @example
 * const steps = timeline(startedAt, [{ phase: 'initializing', durationMs: 1000 }, { phase: 'gathering', durationMs: 3000 }])
 * steps.at(startedAt + 2500) // { phase: 'gathering', stepProgress: 0.5, progress: 0.625, … }
 */
export function timeline<Phase extends string>(startedAt: number, steps: readonly TimelineStep<Phase>[]) {
  for (const step of steps) {
    if (!(Number.isFinite(step.durationMs) && step.durationMs >= 0)) {
      throw new RangeError(
        `Failed to build a timeline: step "${step.phase}" lasts ${step.durationMs} ms; give 0 or more.`,
      )
    }
  }
  const total = steps.reduce((sum, step) => sum + step.durationMs, 0)
  const endsAt = startedAt + total
  return {
    startedAt,
    endsAt,
    /** When the step with this phase begins, or undefined when there is none. */
    startOf(phase: Phase): number | undefined {
      let at = startedAt
      for (const step of steps) {
        if (step.phase === phase) {
          return at
        }
        at += step.durationMs
      }
      return undefined
    },
    at(now: number): TimelinePosition<Phase> {
      let stepStartedAt = startedAt
      for (const [index, step] of steps.entries()) {
        const stepEndsAt = stepStartedAt + step.durationMs
        if (now < stepEndsAt) {
          const elapsed = Math.max(0, now - stepStartedAt)
          return {
            phase: step.phase,
            step: index,
            stepProgress: step.durationMs === 0 ? 0 : elapsed / step.durationMs,
            progress: total === 0 ? 0 : Math.max(0, now - startedAt) / total,
            stepStartedAt,
            stepEndsAt,
            endsAt,
          }
        }
        stepStartedAt = stepEndsAt
      }
      return {
        phase: 'done',
        step: steps.length,
        stepProgress: 1,
        progress: 1,
        stepStartedAt: endsAt,
        stepEndsAt: endsAt,
        endsAt,
      }
    },
  }
}

export type Timeline<Phase extends string> = ReturnType<typeof timeline<Phase>>

import { Hono } from 'hono'
import { manualClock } from '../clock.js'
import { createSimulator, type SimulatorOptions } from '../simulator.js'
import { toyDocument, toyError } from './toy-vendor.js'

/**
 * A vendor whose whole state is a list of notes: `seed` takes `{"notes": [...]}` and adds them,
 * `snapshot` gives back what `seed` takes. Small enough that every section is readable in a test.
 */
export function createNotesSimulator(name: string, options: SimulatorOptions) {
  let notes: unknown[] = []
  return createSimulator(
    {
      name,
      document: toyDocument,
      clock: options.clock ?? manualClock(),
      routes: new Hono(),
      errorResponse: toyError,
      state: {
        inspect: () => ({ notes }),
        seed(input) {
          // No `?.`: a null section fails as a TypeError, as a careless vendor's would.
          const given = (input as { notes?: unknown }).notes
          if (!Array.isArray(given)) {
            throw new RangeError(`send {"notes": [...]} to the ${name} simulator.`)
          }
          notes = [...notes, ...given]
          return { notes: notes.length }
        },
        reset() {
          notes = []
        },
        snapshot: () => ({ notes: [...notes] }),
      },
    },
    options,
  )
}

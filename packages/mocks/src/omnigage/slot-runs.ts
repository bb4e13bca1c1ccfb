import { doubled } from './typed-arrays.js'

/** What a store knows of a slot when it is added: its id's position, when, by whom, from which source. */
export interface SlotOrigin {
  position: number
  at: number
  /** A member's number. */
  by: number
  /** A record source's number, or -1 when the slot holds its values. */
  source: number
}

const initialRuns = 64

/**
 * The origin of every slot of a store, kept as runs: consecutive slots added at the same time, by
 * the same member, from the same source, whose id positions step evenly, are one run. An import
 * of a million rows is a handful of runs (a new one where another request drew an id meanwhile),
 * where a number per slot and field would be 25 MB. A slot's run is found by binary search.
 *
 * @example
 * const runs = new SlotRuns()
 * runs.append(0, { position: 0, at: 1000, by: 0, source: 2 })
 * runs.append(1, { position: 22, at: 1000, by: 0, source: 2 })
 * runs.positionOf(1) // 22, from the same run
 */
export class SlotRuns {
  #count = 0
  #first = new Int32Array(initialRuns)
  #position = new Float64Array(initialRuns)
  // The step between the positions of a run's slots; NaN until its second slot.
  #step = new Float64Array(initialRuns)
  #at = new Float64Array(initialRuns)
  #by = new Uint16Array(initialRuns)
  #source = new Int32Array(initialRuns)

  /** How many runs the slots make: what the origins cost in memory, 34 bytes a run. */
  get count(): number {
    return this.#count
  }

  /** Records slot `slot`, which must be the one after the last appended (0 first). */
  append(slot: number, origin: SlotOrigin): void {
    const last = this.#count - 1
    if (last >= 0 && this.#extends(last, slot, origin)) {
      if (Number.isNaN(this.#step[last])) {
        this.#step[last] = origin.position - (this.#position[last] as number)
      }
      return
    }
    if (this.#count === this.#first.length) {
      this.#grow()
    }
    const run = this.#count++
    this.#first[run] = slot
    this.#position[run] = origin.position
    this.#step[run] = Number.NaN
    this.#at[run] = origin.at
    this.#by[run] = origin.by
    this.#source[run] = origin.source
  }

  positionOf(slot: number): number {
    const run = this.#runOf(slot)
    const offset = slot - (this.#first[run] as number)
    return offset === 0
      ? (this.#position[run] as number)
      : (this.#position[run] as number) + offset * (this.#step[run] as number)
  }

  createdAtOf(slot: number): number {
    return this.#at[this.#runOf(slot)] as number
  }

  createdByOf(slot: number): number {
    return this.#by[this.#runOf(slot)] as number
  }

  sourceOf(slot: number): number {
    return this.#source[this.#runOf(slot)] as number
  }

  clear(): void {
    this.#count = 0
  }

  #extends(run: number, slot: number, origin: SlotOrigin): boolean {
    if (this.#at[run] !== origin.at || this.#by[run] !== origin.by || this.#source[run] !== origin.source) {
      return false
    }
    // A run's second slot sets its step, whatever it is (positionOf reads any step back); every
    // later slot must keep to it.
    const step = this.#step[run] as number
    const offset = slot - (this.#first[run] as number)
    return Number.isNaN(step) || (this.#position[run] as number) + offset * step === origin.position
  }

  // The last run starting at or before the slot.
  #runOf(slot: number): number {
    let low = 0
    let high = this.#count - 1
    while (low < high) {
      const middle = (low + high + 1) >>> 1
      if ((this.#first[middle] as number) <= slot) {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return low
  }

  #grow(): void {
    this.#first = doubled(this.#first)
    this.#position = doubled(this.#position)
    this.#step = doubled(this.#step)
    this.#at = doubled(this.#at)
    this.#by = doubled(this.#by)
    this.#source = doubled(this.#source)
  }
}

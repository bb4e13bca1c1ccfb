import { doubled } from './typed-arrays.js'

export type RowStatus = 'created' | 'updated' | 'skipped' | 'erred'
const rowStatuses: readonly RowStatus[] = ['created', 'updated', 'skipped', 'erred']
const noContact = -1

/**
 * What became of each data row of an import: its status and the contact it went to, a byte and
 * a slot of the account's contact store per row, so a million rows cost 5 MB.
 *
 * @example
 * const rows = new RowLog((slot) => contacts.idAt(slot))
 * rows.push('created', slot)
 * rows.statusAt(0) // 'created'
 */
export class RowLog {
  readonly #contactIdOf: (slot: number) => string | undefined
  #statuses = new Uint8Array(1024)
  #slots = new Int32Array(1024)
  #length = 0

  constructor(contactIdOf: (slot: number) => string | undefined) {
    this.#contactIdOf = contactIdOf
  }

  get length(): number {
    return this.#length
  }

  /** Records the next row: its status, and the slot of its contact (none for an erred row). */
  push(status: RowStatus, slot: number | undefined): void {
    if (this.#length === this.#statuses.length) {
      this.#statuses = doubled(this.#statuses)
      this.#slots = doubled(this.#slots)
    }
    this.#statuses[this.#length] = rowStatuses.indexOf(status)
    this.#slots[this.#length] = slot ?? noContact
    this.#length++
  }

  /** The status of a row by index (0 is row 1). */
  statusAt(index: number): RowStatus {
    return rowStatuses[this.#statuses[index] ?? 0] as RowStatus
  }

  /** The id of the contact a row went to, still named when the contact has since been deleted. */
  contactIdAt(index: number): string | undefined {
    const slot = this.#slots[index] ?? noContact
    return slot === noContact ? undefined : this.#contactIdOf(slot)
  }
}

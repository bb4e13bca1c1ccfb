import type { ImportedContact } from './import/index.js'
import { SlotIndex } from './slot-index.js'
import { SlotRuns } from './slot-runs.js'
import { doubled } from './typed-arrays.js'

/** A contact's values as an import row gives them: phones in E.164 and emails lower-cased, primary first. */
export type ContactValues = ImportedContact

/** A contact as read from an account's store: a copy, changed only through the store. */
export interface StoredContact extends ContactValues {
  readonly id: string
  readonly createdAt: number
  readonly updatedAt: number
  /** The membership that created it, and the last one to change it. */
  readonly createdBy: string
  readonly updatedBy: string
}

export type ContactSort = 'created-at' | '-created-at' | 'first-name' | '-first-name' | 'last-name' | '-last-name'

/** Whole-value filters, matched case-insensitively; phone and email match any of the contact's. */
export interface ContactFilters {
  firstName?: string
  lastName?: string
  company?: string
  phoneNumber?: string
  emailAddress?: string
}

/**
 * Where imported contacts' values are read back from: the rows of an uploaded file, each named by
 * the byte range of its record. Reading a row again gives the values its import read.
 */
export interface RecordSource {
  read(start: number, end: number): ContactValues
}

/** Gives back the id reserved at a position of the simulator's id sequence (`IdSource`). */
export interface IdPositions {
  idAt(position: number): string
}

/** Values held in memory: seeded contacts, contacts an import changed, rows that cannot be read back. */
interface HeldValues {
  values: ContactValues
  updatedAt: number
  updatedBy: number
}

const held = -1
const initialCapacity = 1024
// A record's bytes are addressed with 32 bits; a row that ends further into a file is held instead.
const addressable = 2 ** 32

/**
 * One account's contacts, in creation order, with indexes on the id, the primary phone and the
 * primary email (the keys `unique-primary-phone` and `unique-primary-email` match rows on).
 *
 * Built for a million imported contacts in a few tens of megabytes. A contact is a slot: its id's
 * position in the id sequence, creation time, member and source are kept as runs of slots
 * (`SlotRuns`: an import is a handful of runs), and an imported row keeps the byte range of its
 * record in the uploaded file, which the account keeps anyway. Its values are read back from that
 * record when asked for (`RecordSource`); only contacts that were seeded or changed since, or came
 * from rows that cannot be read back by offset (XLSX, UTF-16, quoted cells), hold their values. The
 * indexes keep hashes and slots, not strings (`SlotIndex`), and are built on first use. The cost
 * is in reads: a filtered or name-sorted list reads every row back (1.5 to 3.5 s for a million).
 *
 * @example
 * const store = new ContactStore(ids)
 * const slot = store.add(ids.reserve(), values, now, membershipId)
 * store.slotOfPrimaryPhone('+14076341732') // slot
 */
export class ContactStore {
  readonly #ids: IdPositions
  #length = 0
  #live = 0
  // Each slot's id position, creation time, member and record source (`held` when its values are in #held).
  readonly #origins = new SlotRuns()
  #alive = new Uint8Array(initialCapacity)
  // The bytes of a record-backed slot's record in its source.
  #starts = new Uint32Array(initialCapacity)
  #ends = new Uint32Array(initialCapacity)
  readonly #held = new Map<number, HeldValues>()
  readonly #sources: RecordSource[] = []
  // Members by number: a run of slots keeps two bytes, not the 22-character id.
  readonly #members: string[] = []
  readonly #memberNumbers = new Map<string, number>()
  // Built on first use, then kept up to date: an import never pays for an id index it does not
  // read, nor for the phone and email indexes when it matches on neither key.
  #byId: SlotIndex | undefined
  #byPhone: SlotIndex | undefined
  #byEmail: SlotIndex | undefined

  constructor(ids: IdPositions) {
    this.#ids = ids
  }

  get size(): number {
    return this.#live
  }

  get(id: string): StoredContact | undefined {
    const slot = this.#idIndex().get(id)
    return slot === undefined ? undefined : this.#read(slot)
  }

  slotOfPrimaryPhone(phone: string): number | undefined {
    this.#byPhone ??= this.#indexOf((values) => values.phoneNumbers[0])
    return this.#byPhone.get(phone)
  }

  slotOfPrimaryEmail(email: string): number | undefined {
    this.#byEmail ??= this.#indexOf((values) => values.emailAddresses[0])
    return this.#byEmail.get(email)
  }

  /** The id of a slot's contact, deleted or not (an import's results still name it). */
  idAt(slot: number): string | undefined {
    return slot >= 0 && slot < this.#length ? this.#ids.idAt(this.#origins.positionOf(slot)) : undefined
  }

  /** Registers where a file's rows can be read back from; answers its number for `addRecord`. */
  addSource(source: RecordSource): number {
    return this.#sources.push(source) - 1
  }

  /** Adds a contact holding its values; answers its slot. `position` is its id's (`IdSource.reserve`). */
  add(position: number, values: ContactValues, at: number, by: string): number {
    const slot = this.#append(position, at, by, held)
    this.#held.set(slot, { values: copyOf(values), updatedAt: at, updatedBy: this.#member(by) })
    this.#index(slot, values)
    return slot
  }

  /**
   * Adds a contact whose values are those of the record at bytes [start, end) of a source, which
   * gives `values` back when read; answers its slot.
   */
  addRecord(
    position: number,
    source: number,
    record: { start: number; end: number },
    values: ContactValues,
    at: number,
    by: string,
  ): number {
    if (record.end >= addressable) {
      return this.add(position, values, at, by)
    }
    const slot = this.#append(position, at, by, source)
    this.#starts[slot] = record.start
    this.#ends[slot] = record.end
    this.#index(slot, values)
    return slot
  }

  /**
   * Applies a row to a contact: a value the row has replaces the contact's; an empty one keeps it
   * unless `pruning` is on. Phones and emails the row has are added after the contact's own, the
   * contact's primary staying first. Says whether anything changed.
   */
  update(slot: number, values: ContactValues, at: number, by: string, pruning: boolean): boolean {
    const current = this.#valuesAt(slot)
    const next = { ...current }
    let changed = false
    for (const field of ['firstName', 'lastName', 'company', 'title'] as const) {
      if ((values[field] !== null || pruning) && current[field] !== values[field]) {
        next[field] = values[field]
        changed = true
      }
    }
    next.phoneNumbers = merged(current.phoneNumbers, values.phoneNumbers, pruning)
    next.emailAddresses = merged(current.emailAddresses, values.emailAddresses, pruning)
    if (next.phoneNumbers !== current.phoneNumbers || next.emailAddresses !== current.emailAddresses) {
      this.#unindex(slot, current)
      this.#index(slot, next)
      changed = true
    }
    if (changed) {
      this.#held.set(slot, { values: next, updatedAt: at, updatedBy: this.#member(by) })
    }
    return changed
  }

  /** Deletes every contact named, or none: answers the ids it does not have, deleting nothing then. */
  deleteAll(ids: readonly string[]): string[] {
    const byId = this.#idIndex()
    const missing = ids.filter((id) => byId.get(id) === undefined)
    if (missing.length > 0) {
      return missing
    }
    for (const id of ids) {
      const slot = byId.get(id)
      if (slot !== undefined) {
        this.#unindex(slot, this.#valuesAt(slot))
        byId.remove(id, slot)
        this.#alive[slot] = 0
        this.#held.delete(slot)
        this.#live--
      }
    }
    return []
  }

  /** A page of contacts matching the filters, and how many match in all. */
  list(
    filters: ContactFilters,
    sort: ContactSort | undefined,
    offset: number,
    limit: number,
  ): { items: StoredContact[]; total: number } {
    const wanted = Object.entries(filters).filter(([, value]) => value !== undefined) as [
      keyof ContactFilters,
      string,
    ][]
    const slots: number[] = []
    const read = (slot: number) => this.#valuesAt(slot)
    this.#forEachLive((slot) => {
      if (matchesAll(wanted, slot, read)) {
        slots.push(slot)
      }
    })
    if (sort === '-created-at') {
      const createdAt = new Map(slots.map((slot) => [slot, this.#origins.createdAtOf(slot)]))
      slots.sort((a, b) => (createdAt.get(b) as number) - (createdAt.get(a) as number) || b - a)
    } else if (sort && sort !== 'created-at') {
      const field = sort.endsWith('first-name') ? 'firstName' : 'lastName'
      const names = new Map(slots.map((slot) => [slot, this.#valuesAt(slot)[field] ?? '']))
      // Stable: equal names stay in creation order, and a descending sort reverses that too.
      slots.sort((a, b) => (names.get(a) as string).localeCompare(names.get(b) as string, 'en'))
      if (sort.startsWith('-')) {
        slots.reverse()
      }
    }
    return { items: slots.slice(offset, offset + limit).map((slot) => this.#read(slot)), total: slots.length }
  }

  /** Every contact, in creation order (admin snapshots). */
  all(): StoredContact[] {
    const contacts: StoredContact[] = []
    this.#forEachLive((slot) => {
      contacts.push(this.#read(slot))
    })
    return contacts
  }

  clear(): void {
    this.#length = 0
    this.#live = 0
    this.#origins.clear()
    this.#alive = new Uint8Array(initialCapacity)
    this.#starts = new Uint32Array(initialCapacity)
    this.#ends = new Uint32Array(initialCapacity)
    this.#held.clear()
    this.#sources.length = 0
    this.#byId = undefined
    this.#byPhone = undefined
    this.#byEmail = undefined
  }

  #append(position: number, at: number, by: string, source: number): number {
    if (this.#length === this.#alive.length) {
      this.#grow()
    }
    const slot = this.#length++
    this.#origins.append(slot, { position, at, by: this.#member(by), source })
    this.#alive[slot] = 1
    this.#live++
    this.#byId?.add(this.#ids.idAt(position), slot)
    return slot
  }

  /**
   * Calls `visit` with each live slot, in order. It stops once it has seen `#live` of them, so it
   * never reads past the last one (nor needs `#length` to know where that is).
   */
  #forEachLive(visit: (slot: number) => void): void {
    for (let slot = 0, left = this.#live; left > 0; slot++) {
      if (this.#alive[slot] === 1) {
        left--
        visit(slot)
      }
    }
  }

  #grow(): void {
    this.#alive = doubled(this.#alive)
    this.#starts = doubled(this.#starts)
    this.#ends = doubled(this.#ends)
  }

  #member(id: string): number {
    let number = this.#memberNumbers.get(id)
    if (number === undefined) {
      number = this.#members.push(id) - 1
      this.#memberNumbers.set(id, number)
    }
    return number
  }

  #valuesAt(slot: number): ContactValues {
    const kept = this.#held.get(slot)
    if (kept !== undefined) {
      return kept.values
    }
    const source = this.#sources[this.#origins.sourceOf(slot)] as RecordSource
    return source.read(this.#starts[slot] as number, this.#ends[slot] as number)
  }

  #read(slot: number): StoredContact {
    const values = this.#valuesAt(slot)
    const kept = this.#held.get(slot)
    const createdAt = this.#origins.createdAtOf(slot)
    const createdBy = this.#members[this.#origins.createdByOf(slot)] as string
    return {
      id: this.idAt(slot) as string,
      ...copyOf(values),
      createdAt,
      updatedAt: kept?.updatedAt ?? createdAt,
      createdBy,
      updatedBy: kept ? (this.#members[kept.updatedBy] as string) : createdBy,
    }
  }

  #idIndex(): SlotIndex {
    if (this.#byId === undefined) {
      const byId = new SlotIndex((slot) => this.idAt(slot))
      this.#forEachLive((slot) => {
        byId.add(this.idAt(slot) as string, slot)
      })
      this.#byId = byId
    }
    return this.#byId
  }

  /**
   * The first live contact holding each primary value: a contact added later with the same one does
   * not take it over. A deleted contact leaves the index (`deleteAll`), so it is never asked about.
   */
  #indexOf(primary: (values: ContactValues) => string | undefined): SlotIndex {
    const index = new SlotIndex((slot) => primary(this.#valuesAt(slot)))
    this.#forEachLive((slot) => {
      const value = primary(this.#valuesAt(slot))
      if (value !== undefined) {
        index.add(value, slot)
      }
    })
    return index
  }

  #index(slot: number, values: ContactValues): void {
    const phone = values.phoneNumbers[0]
    const email = values.emailAddresses[0]
    if (phone !== undefined) {
      this.#byPhone?.add(phone, slot)
    }
    if (email !== undefined) {
      this.#byEmail?.add(email, slot)
    }
  }

  #unindex(slot: number, values: ContactValues): void {
    const phone = values.phoneNumbers[0]
    const email = values.emailAddresses[0]
    if (phone !== undefined) {
      this.#byPhone?.remove(phone, slot)
    }
    if (email !== undefined) {
      this.#byEmail?.remove(email, slot)
    }
  }
}

function copyOf(values: ContactValues): ContactValues {
  return { ...values, phoneNumbers: [...values.phoneNumbers], emailAddresses: [...values.emailAddresses] }
}

/**
 * Whether a slot's contact matches every filter. Its values are read back only when a filter asks
 * (a list without filters reads no row), and once for all the filters.
 */
function matchesAll(
  wanted: readonly [keyof ContactFilters, string][],
  slot: number,
  read: (slot: number) => ContactValues,
): boolean {
  let values: ContactValues | undefined
  for (const [field, value] of wanted) {
    values ??= read(slot)
    if (!matches(values, field, value)) {
      return false
    }
  }
  return true
}

function matches(values: ContactValues, field: keyof ContactFilters, value: string): boolean {
  switch (field) {
    case 'phoneNumber':
      return values.phoneNumbers.includes(value)
    case 'emailAddress':
      return values.emailAddresses.includes(value.toLowerCase())
    default:
      return (values[field] ?? '').toLowerCase() === value.toLowerCase()
  }
}

/** The contact's list with the row's values added (or, pruning, replaced); the same array when nothing changes. */
function merged(current: readonly string[], incoming: readonly string[], pruning: boolean): string[] {
  if (pruning) {
    return current.length === incoming.length && current.every((value, index) => value === incoming[index])
      ? (current as string[])
      : [...incoming]
  }
  const added = incoming.filter((value) => !current.includes(value))
  return added.length === 0 ? (current as string[]) : [...current, ...added]
}

import { BoundedMemo } from '../core/kit/memo.js'
import { seedFromString } from '../core/random.js'
import { type ContactFields, type ContactMeta, wireContact } from './contact-fields.js'

/** One contact as stored: its fields and the bookkeeping around them. Never changed in place. */
export interface StoredContact extends ContactMeta {
  ordinal: number
  /** Sequence number of its last change in the book's change log; 0 for contacts the book began with. */
  seq: number
  fields: ContactFields
  /** The contact as the API writes it (no photo, no native properties), made once per change. */
  json: string
}

/** A deleted contact as `sync/deleted` reports it. */
export interface Deletion {
  id: string
  atMs: number
}

/** One entry of the change log; its sequence number is its position plus one. */
interface Change {
  ordinal: number
  deleted: boolean
  atMs: number
}

export interface AddressBookOptions {
  /** Starts every id of the book; unique per account, so two accounts never share an id. */
  idPrefix: string
  /** When the book's first contacts were made. */
  createdMs: number
  /** Contacts the book begins with, as if they were there before any sync. */
  initial?: readonly ContactFields[]
  /** Then this many generated contacts, made only when read, so a huge book costs no memory. */
  generated?: number
  generate?: (index: number) => ContactFields
}

/**
 * One account's address book: contacts in creation order (their ordinal), an etag per change, and
 * a change log whose sequence numbers are what sync tokens point at. A delta walks the log from the
 * token's position, so its cost follows the number of changes, never the size of the book.
 *
 * @example
 * const book = new AddressBook({ idPrefix: 'c1_', createdMs: clock.now() })
 * const sam = book.create({ name: { givenName: 'Sam' } }, clock.now())
 * book.updatedSince(0, book.seq, 100).contacts // [sam]
 */
export class AddressBook {
  readonly #idPrefix: string
  readonly #createdMs: number
  readonly #generatedFrom: number
  readonly #generatedEnd: number
  readonly #generate: ((index: number) => ContactFields) | undefined
  // Contacts written since the book began (and the initial ones); null marks a deleted one.
  readonly #written = new Map<number, StoredContact | null>()
  readonly #log: Change[] = []
  // Generated contacts as last made: a page or a contact read again is not generated and
  // serialized again. Bounded, so a huge book still costs no memory; a write replaces the entry's
  // use (written contacts are looked up first).
  readonly #generatedMemo = new BoundedMemo<number, StoredContact>(1000)
  #nextOrdinal: number
  #size: number

  constructor(options: AddressBookOptions) {
    this.#idPrefix = options.idPrefix
    this.#createdMs = options.createdMs
    const initial = options.initial ?? []
    initial.forEach((fields, ordinal) => {
      this.#written.set(ordinal, this.#stored(ordinal, fields, 0, options.createdMs, options.createdMs))
    })
    this.#generatedFrom = initial.length
    this.#generatedEnd = initial.length + (options.generate ? (options.generated ?? 0) : 0)
    this.#generate = options.generate
    this.#nextOrdinal = this.#generatedEnd
    this.#size = this.#generatedEnd
  }

  /** The sequence number of the last change (0 before any). */
  get seq(): number {
    return this.#log.length
  }

  /** How many contacts the book holds now. */
  get size(): number {
    return this.#size
  }

  /** One past the highest ordinal given so far: a full listing that stops here sees every contact made until now. */
  get endOrdinal(): number {
    return this.#nextOrdinal
  }

  /** The contact with this id, or undefined when the book has none (another account's id included). */
  find(id: string): StoredContact | undefined {
    // No contact has a negative ordinal.
    return this.at(this.#ordinalOf(id) ?? -1)
  }

  /** A contact's etag without building the contact, for cache keys. */
  etagOf(id: string): string | undefined {
    const ordinal = this.#ordinalOf(id)
    if (ordinal === undefined) {
      return undefined
    }
    const written = this.#written.get(ordinal)
    if (written !== undefined) {
      return written?.etag
    }
    // An ordinal the book gave and never wrote is a generated contact as first made.
    return etagFor(id, 0)
  }

  at(ordinal: number): StoredContact | undefined {
    const written = this.#written.get(ordinal)
    if (written !== undefined) {
      return written ?? undefined
    }
    // The generated range is empty without a generator.
    if (ordinal >= this.#generatedFrom && ordinal < this.#generatedEnd) {
      const generate = this.#generate as (index: number) => ContactFields
      return this.#generatedMemo.remember(ordinal, () =>
        this.#stored(ordinal, generate(ordinal - this.#generatedFrom), 0, this.#createdMs, this.#createdMs),
      )
    }
    return undefined
  }

  create(fields: ContactFields, atMs: number): StoredContact {
    const ordinal = this.#nextOrdinal++
    const contact = this.#stored(ordinal, fields, this.#record(ordinal, false, atMs), atMs, atMs)
    this.#written.set(ordinal, contact)
    this.#size++
    return contact
  }

  /**
   * Replaces the contact's fields; the same contact back when nothing changed (no new etag, no log
   * entry). Key order does not count as a change: `{a, b}` and `{b, a}` are the same object.
   * `fields` holds every field `current` has (the routes and provider edits merge what is sent
   * into the stored fields).
   */
  replace(current: StoredContact, fields: ContactFields, atMs: number): StoredContact {
    if (sameJson(fields, current.fields)) {
      return current
    }
    const seq = this.#record(current.ordinal, false, atMs)
    const contact = this.#stored(current.ordinal, fields, seq, current.createdMs, atMs)
    this.#written.set(current.ordinal, contact)
    return contact
  }

  delete(current: StoredContact, atMs: number): void {
    this.#record(current.ordinal, true, atMs)
    this.#written.set(current.ordinal, null)
    this.#size--
  }

  /** Live contacts with ordinals from `from` up to `end`, at most `limit`; `next` is where to go on. */
  scan(from: number, end: number, limit: number): { contacts: StoredContact[]; next: number } {
    const contacts: StoredContact[] = []
    let ordinal = from
    for (; ordinal < end && contacts.length < limit; ordinal++) {
      const contact = this.at(ordinal)
      if (contact) {
        contacts.push(contact)
      }
    }
    return { contacts, next: ordinal }
  }

  /**
   * Contacts created or updated by the changes after `fromSeq` up to `toSeq`, each once, in its
   * current state. A contact changed again after `toSeq` is left for the next delta.
   */
  updatedSince(fromSeq: number, toSeq: number, limit: number): { contacts: StoredContact[]; next: number } {
    const contacts: StoredContact[] = []
    let seq = fromSeq
    for (; seq < toSeq && contacts.length < limit; seq++) {
      // A deleted contact is written as null, and a contact changed again since has a later seq.
      const contact = this.#written.get((this.#log[seq] as Change).ordinal)
      if (contact && contact.seq === seq + 1) {
        contacts.push(contact)
      }
    }
    return { contacts, next: seq }
  }

  /** Contacts deleted by the changes after `fromSeq` up to `toSeq`. */
  deletedSince(fromSeq: number, toSeq: number, limit: number): { deletions: Deletion[]; next: number } {
    const deletions: Deletion[] = []
    let seq = fromSeq
    for (; seq < toSeq && deletions.length < limit; seq++) {
      const change = this.#log[seq] as Change
      if (change.deleted) {
        deletions.push({ id: this.#idOf(change.ordinal), atMs: change.atMs })
      }
    }
    return { deletions, next: seq }
  }

  #record(ordinal: number, deleted: boolean, atMs: number): number {
    this.#log.push({ ordinal, deleted, atMs })
    return this.#log.length
  }

  #stored(ordinal: number, fields: ContactFields, seq: number, createdMs: number, modifiedMs: number): StoredContact {
    const id = this.#idOf(ordinal)
    const meta = { id, etag: etagFor(id, seq), createdMs, modifiedMs }
    return { ...meta, ordinal, seq, fields, json: JSON.stringify(wireContact(meta, fields)) }
  }

  #idOf(ordinal: number): string {
    return this.#idPrefix + ordinal.toString(36)
  }

  #ordinalOf(id: string): number | undefined {
    if (!id.startsWith(this.#idPrefix)) {
      return undefined
    }
    const digits = id.slice(this.#idPrefix.length)
    const ordinal = Number.parseInt(digits, 36)
    // Only the one spelling the book writes: "c1_0a" is not "c1_a".
    return ordinal >= 0 && ordinal < this.#nextOrdinal && ordinal.toString(36) === digits ? ordinal : undefined
  }
}

/**
 * Whether two contacts' fields are equal: objects compared key by key whatever the order, lists in
 * order. A contact's fields hold only strings, lists and objects, and the schema gives each field
 * one kind, so both sides are of the same kind wherever one is a string, a list or an object. A
 * list's keys are its indices, so lists and objects are compared alike. Keys counted equal are the
 * same keys at the top (`replace` is given every field the contact has) and in lists; elsewhere
 * the values are strings, and a key one side lacks reads as undefined or as something inherited,
 * which equals no string.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string') {
    return a === b
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => sameJson(left[key], right[key]))
}

/** An etag unique to one state of one contact: a hash of id and change, then the change's number. */
function etagFor(id: string, seq: number): string {
  return seedFromString(`${id}@${seq}`).toString(36).padStart(7, '0') + seq.toString(36)
}

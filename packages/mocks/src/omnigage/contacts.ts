import type { ImportedContact } from './import/index.js'

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

type Strings = string | readonly string[] | null
// Names, companies and titles repeat across an address book: one copy of each value, up to this many.
const maxInterned = 100_000

/**
 * One account's contacts, in creation order, with indexes on the id, the primary phone and the
 * primary email (the keys `unique-primary-phone` and `unique-primary-email` match rows on).
 *
 * Stored as columns by slot rather than an object per contact, repeated names and companies kept
 * once, a single phone or email as a string: a million imported contacts are a few hundred bytes
 * each rather than a kilobyte, and the collector has far fewer objects to walk. Reads answer
 * copies (`StoredContact`); changes go through `add`, `update` and `deleteAll`.
 *
 * @example
 * const store = new ContactStore()
 * const slot = store.add(id, values, now, membershipId)
 * store.slotOfPrimaryPhone('+14076341732') // slot
 */
export class ContactStore {
  // A deleted contact's slot keeps `undefined` as its id; slots are never reused.
  readonly #ids: (string | undefined)[] = []
  readonly #firstNames: (string | null)[] = []
  readonly #lastNames: (string | null)[] = []
  readonly #companies: (string | null)[] = []
  readonly #titles: (string | null)[] = []
  readonly #phones: Strings[] = []
  readonly #emails: Strings[] = []
  readonly #createdAt: number[] = []
  readonly #updatedAt: number[] = []
  readonly #createdBy: string[] = []
  readonly #updatedBy: string[] = []
  readonly #slotById = new Map<string, number>()
  // Built on first use, then kept up to date: an import that matches on neither key never pays for them.
  #slotByPhone: Map<string, number> | undefined
  #slotByEmail: Map<string, number> | undefined
  readonly #interned = new Map<string, string>()

  get size(): number {
    return this.#slotById.size
  }

  get(id: string): StoredContact | undefined {
    const slot = this.#slotById.get(id)
    return slot === undefined ? undefined : this.#read(slot)
  }

  slotOfPrimaryPhone(phone: string): number | undefined {
    this.#slotByPhone ??= this.#indexOf(this.#phones)
    return this.#slotByPhone.get(phone)
  }

  slotOfPrimaryEmail(email: string): number | undefined {
    this.#slotByEmail ??= this.#indexOf(this.#emails)
    return this.#slotByEmail.get(email)
  }

  idAt(slot: number): string | undefined {
    return this.#ids[slot]
  }

  /** Adds a contact; answers its slot. */
  add(id: string, values: ContactValues, at: number, by: string): number {
    const slot = this.#ids.length
    this.#ids.push(id)
    this.#firstNames.push(this.#intern(values.firstName))
    this.#lastNames.push(this.#intern(values.lastName))
    this.#companies.push(this.#intern(values.company))
    this.#titles.push(this.#intern(values.title))
    this.#phones.push(packed(values.phoneNumbers))
    this.#emails.push(packed(values.emailAddresses))
    this.#createdAt.push(at)
    this.#updatedAt.push(at)
    this.#createdBy.push(by)
    this.#updatedBy.push(by)
    this.#slotById.set(id, slot)
    this.#index(slot)
    return slot
  }

  /**
   * Applies a row to a contact: a value the row has replaces the contact's; an empty one keeps it
   * unless `pruning` is on. Phones and emails the row has are added after the contact's own, the
   * contact's primary staying first. Says whether anything changed.
   */
  update(slot: number, values: ContactValues, at: number, by: string, pruning: boolean): boolean {
    let changed = false
    const columns = [
      [this.#firstNames, values.firstName],
      [this.#lastNames, values.lastName],
      [this.#companies, values.company],
      [this.#titles, values.title],
    ] as const
    for (const [column, value] of columns) {
      if ((value !== null || pruning) && column[slot] !== value) {
        column[slot] = this.#intern(value)
        changed = true
      }
    }
    const phones = unpacked(this.#phones[slot] ?? null)
    const emails = unpacked(this.#emails[slot] ?? null)
    const newPhones = merged(phones, values.phoneNumbers, pruning)
    const newEmails = merged(emails, values.emailAddresses, pruning)
    if (newPhones !== phones || newEmails !== emails) {
      this.#unindex(slot)
      this.#phones[slot] = packed(newPhones)
      this.#emails[slot] = packed(newEmails)
      this.#index(slot)
      changed = true
    }
    if (changed) {
      this.#updatedAt[slot] = at
      this.#updatedBy[slot] = by
    }
    return changed
  }

  /** Deletes every contact named, or none: answers the ids it does not have, deleting nothing then. */
  deleteAll(ids: readonly string[]): string[] {
    const missing = ids.filter((id) => !this.#slotById.has(id))
    if (missing.length > 0) {
      return missing
    }
    for (const id of ids) {
      const slot = this.#slotById.get(id)
      if (slot !== undefined) {
        this.#unindex(slot)
        this.#slotById.delete(id)
        this.#ids[slot] = undefined
        this.#phones[slot] = null
        this.#emails[slot] = null
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
    for (let slot = 0; slot < this.#ids.length; slot++) {
      if (this.#ids[slot] !== undefined && wanted.every(([field, value]) => this.#matches(slot, field, value))) {
        slots.push(slot)
      }
    }
    if (sort && sort !== 'created-at') {
      const descending = sort.startsWith('-')
      const field = sort.replace(/^-/, '')
      const names = field === 'first-name' ? this.#firstNames : this.#lastNames
      const order = (a: number, b: number) =>
        field === 'created-at'
          ? (this.#createdAt[a] as number) - (this.#createdAt[b] as number) || a - b
          : (names[a] ?? '').localeCompare(names[b] ?? '', 'en') || a - b
      slots.sort((a, b) => (descending ? order(b, a) : order(a, b)))
    }
    return { items: slots.slice(offset, offset + limit).map((slot) => this.#read(slot)), total: slots.length }
  }

  /** Every contact, in creation order (admin snapshots). */
  all(): StoredContact[] {
    const contacts: StoredContact[] = []
    for (let slot = 0; slot < this.#ids.length; slot++) {
      if (this.#ids[slot] !== undefined) {
        contacts.push(this.#read(slot))
      }
    }
    return contacts
  }

  clear(): void {
    for (const column of [
      this.#ids,
      this.#firstNames,
      this.#lastNames,
      this.#companies,
      this.#titles,
      this.#phones,
      this.#emails,
      this.#createdAt,
      this.#updatedAt,
      this.#createdBy,
      this.#updatedBy,
    ]) {
      column.length = 0
    }
    this.#slotById.clear()
    this.#slotByPhone = undefined
    this.#slotByEmail = undefined
    this.#interned.clear()
  }

  #read(slot: number): StoredContact {
    return {
      id: this.#ids[slot] as string,
      firstName: this.#firstNames[slot] ?? null,
      lastName: this.#lastNames[slot] ?? null,
      company: this.#companies[slot] ?? null,
      title: this.#titles[slot] ?? null,
      phoneNumbers: [...unpacked(this.#phones[slot] ?? null)],
      emailAddresses: [...unpacked(this.#emails[slot] ?? null)],
      createdAt: this.#createdAt[slot] as number,
      updatedAt: this.#updatedAt[slot] as number,
      createdBy: this.#createdBy[slot] as string,
      updatedBy: this.#updatedBy[slot] as string,
    }
  }

  #matches(slot: number, field: keyof ContactFilters, value: string): boolean {
    switch (field) {
      case 'phoneNumber':
        return unpacked(this.#phones[slot] ?? null).includes(value)
      case 'emailAddress':
        return unpacked(this.#emails[slot] ?? null).includes(value.toLowerCase())
      default: {
        const column = { firstName: this.#firstNames, lastName: this.#lastNames, company: this.#companies }[field]
        return (column[slot] ?? '').toLowerCase() === value.toLowerCase()
      }
    }
  }

  #intern(value: string | null): string | null {
    if (value === null) {
      return null
    }
    const known = this.#interned.get(value)
    if (known !== undefined) {
      return known
    }
    if (this.#interned.size < maxInterned) {
      this.#interned.set(value, value)
    }
    return value
  }

  /** The first contact holding each primary value: a contact added later with the same one does not take it over. */
  #indexOf(column: readonly Strings[]): Map<string, number> {
    const index = new Map<string, number>()
    for (let slot = 0; slot < column.length; slot++) {
      const primary = this.#ids[slot] === undefined ? undefined : first(column[slot] ?? null)
      if (primary !== undefined && !index.has(primary)) {
        index.set(primary, slot)
      }
    }
    return index
  }

  #index(slot: number): void {
    const phone = first(this.#phones[slot] ?? null)
    const email = first(this.#emails[slot] ?? null)
    if (phone !== undefined && this.#slotByPhone && !this.#slotByPhone.has(phone)) {
      this.#slotByPhone.set(phone, slot)
    }
    if (email !== undefined && this.#slotByEmail && !this.#slotByEmail.has(email)) {
      this.#slotByEmail.set(email, slot)
    }
  }

  #unindex(slot: number): void {
    const phone = first(this.#phones[slot] ?? null)
    const email = first(this.#emails[slot] ?? null)
    if (phone !== undefined && this.#slotByPhone?.get(phone) === slot) {
      this.#slotByPhone.delete(phone)
    }
    if (email !== undefined && this.#slotByEmail?.get(email) === slot) {
      this.#slotByEmail.delete(email)
    }
  }
}

// One value as itself, several as a frozen list, none as null: most contacts have one phone and one email.
function packed(values: readonly string[]): Strings {
  if (values.length === 0) {
    return null
  }
  return values.length === 1 ? (values[0] as string) : Object.freeze([...values])
}

function unpacked(values: Strings): readonly string[] {
  return values === null ? [] : typeof values === 'string' ? [values] : values
}

function first(values: Strings): string | undefined {
  return values === null ? undefined : typeof values === 'string' ? values : values[0]
}

/** The contact's list with the row's values added (or, pruning, replaced); the same array when nothing changes. */
function merged(current: readonly string[], incoming: readonly string[], pruning: boolean): readonly string[] {
  if (pruning) {
    return current.length === incoming.length && current.every((value, index) => value === incoming[index])
      ? current
      : [...incoming]
  }
  const added = incoming.filter((value) => !current.includes(value))
  return added.length === 0 ? current : [...current, ...added]
}

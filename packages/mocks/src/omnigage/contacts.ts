/** A contact's values as an import row gives them: phones in E.164 and emails lower-cased, primary first. */
export interface ContactValues {
  firstName: string | null
  lastName: string | null
  company: string | null
  title: string | null
  phoneNumbers: string[]
  emailAddresses: string[]
}

/** A contact in an account's store. */
export interface StoredContact extends ContactValues {
  readonly id: string
  readonly createdAt: number
  updatedAt: number
  /** The membership that created it, and the last one to change it. */
  readonly createdBy: string
  updatedBy: string
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

const scalarFields = ['firstName', 'lastName', 'company', 'title'] as const

/**
 * One account's contacts, in creation order, with indexes on the primary phone and the primary
 * email: the keys `unique-primary-phone` and `unique-primary-email` match rows on.
 *
 * @example
 * const store = new ContactStore()
 * store.add({ id, createdAt: now, updatedAt: now, createdBy: member, updatedBy: member, ...values })
 * store.byPrimaryPhone('+14076341732')
 */
export class ContactStore {
  readonly #byId = new Map<string, StoredContact>()
  readonly #byPhone = new Map<string, StoredContact>()
  readonly #byEmail = new Map<string, StoredContact>()

  get size(): number {
    return this.#byId.size
  }

  get(id: string): StoredContact | undefined {
    return this.#byId.get(id)
  }

  byPrimaryPhone(phone: string): StoredContact | undefined {
    return this.#byPhone.get(phone)
  }

  byPrimaryEmail(email: string): StoredContact | undefined {
    return this.#byEmail.get(email)
  }

  add(contact: StoredContact): void {
    this.#byId.set(contact.id, contact)
    this.#index(contact)
  }

  /**
   * Applies a row to a contact: a value the row has replaces the contact's; an empty one keeps it
   * unless `pruning` is on. Phones and emails the row has are added after the contact's own, the
   * contact's primary staying first. Says whether anything changed.
   */
  update(contact: StoredContact, values: ContactValues, at: number, by: string, pruning: boolean): boolean {
    let changed = false
    for (const field of scalarFields) {
      const value = values[field]
      if ((value !== null || pruning) && contact[field] !== value) {
        contact[field] = value
        changed = true
      }
    }
    const phones = merged(contact.phoneNumbers, values.phoneNumbers, pruning)
    const emails = merged(contact.emailAddresses, values.emailAddresses, pruning)
    if (phones !== contact.phoneNumbers || emails !== contact.emailAddresses) {
      this.#unindex(contact)
      contact.phoneNumbers = phones
      contact.emailAddresses = emails
      this.#index(contact)
      changed = true
    }
    if (changed) {
      contact.updatedAt = at
      contact.updatedBy = by
    }
    return changed
  }

  /** Deletes every contact named, or none: answers the ids it does not have, deleting nothing then. */
  deleteAll(ids: readonly string[]): string[] {
    const missing = ids.filter((id) => !this.#byId.has(id))
    if (missing.length > 0) {
      return missing
    }
    for (const id of ids) {
      const contact = this.#byId.get(id)
      if (contact) {
        this.#unindex(contact)
        this.#byId.delete(id)
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
    let matching: StoredContact[] = [...this.#byId.values()]
    if (wanted.length > 0) {
      matching = matching.filter((contact) => wanted.every(([field, value]) => matches(contact, field, value)))
    }
    if (sort && sort !== 'created-at') {
      const descending = sort.startsWith('-')
      const field = sort.replace(/^-/, '')
      const key = (contact: StoredContact) =>
        field === 'created-at'
          ? contact.createdAt
          : ((field === 'first-name' ? contact.firstName : contact.lastName) ?? '')
      matching.sort((a, b) => {
        const [left, right] = [key(a), key(b)]
        const order =
          typeof left === 'number' ? left - (right as number) : String(left).localeCompare(String(right), 'en')
        return descending ? -order : order
      })
    }
    return { items: matching.slice(offset, offset + limit), total: matching.length }
  }

  /** Every contact, in creation order (admin snapshots). */
  all(): StoredContact[] {
    return [...this.#byId.values()]
  }

  clear(): void {
    this.#byId.clear()
    this.#byPhone.clear()
    this.#byEmail.clear()
  }

  #index(contact: StoredContact): void {
    const [phone] = contact.phoneNumbers
    const [email] = contact.emailAddresses
    if (phone !== undefined && !this.#byPhone.has(phone)) {
      this.#byPhone.set(phone, contact)
    }
    if (email !== undefined && !this.#byEmail.has(email)) {
      this.#byEmail.set(email, contact)
    }
  }

  #unindex(contact: StoredContact): void {
    const [phone] = contact.phoneNumbers
    const [email] = contact.emailAddresses
    if (phone !== undefined && this.#byPhone.get(phone) === contact) {
      this.#byPhone.delete(phone)
    }
    if (email !== undefined && this.#byEmail.get(email) === contact) {
      this.#byEmail.delete(email)
    }
  }
}

/** The contact's list with the row's values added (or, pruning, replaced); the same array when nothing changes. */
function merged(current: string[], incoming: string[], pruning: boolean): string[] {
  if (pruning) {
    return current.length === incoming.length && current.every((value, index) => value === incoming[index])
      ? current
      : [...incoming]
  }
  const added = incoming.filter((value) => !current.includes(value))
  return added.length === 0 ? current : [...current, ...added]
}

function matches(contact: StoredContact, field: keyof ContactFilters, value: string): boolean {
  const wanted = value.toLowerCase()
  switch (field) {
    case 'phoneNumber':
      return contact.phoneNumbers.includes(value)
    case 'emailAddress':
      return contact.emailAddresses.includes(wanted)
    default:
      return (contact[field] ?? '').toLowerCase() === wanted
  }
}

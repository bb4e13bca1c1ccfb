import { type ContactField, contactFields, emailFields, isContactField, phoneFields } from './vocabulary.js'

/** A column-by-column mapping: the contact field each column fills, or `null` to skip the column. */
export type Mapping = (ContactField | null)[]

/** What `checkMapping` answers: the mapping to use, or the sentence that says what is wrong with it. */
export type MappingCheck = { ok: true; mapping: Mapping } | { ok: false; reason: string }

type Kind = ContactField | 'phone' | 'email'

// Header names compared without case, spaces or punctuation, so "First Name", "first_name" and
// "FIRST-NAME" are one key. Phone and email names map to a kind, not a slot: the slot is the next free one.
// Names ending in "phone", "mobile" or "email" ("Work Phone", "Cell Phone", "Primary Email") need no
// entry: `kindOf` takes any such name.
const synonyms: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ...keys('first-name', ['first name', 'firstname', 'first', 'given name', 'forename', 'fname']),
  ...keys('last-name', ['last name', 'lastname', 'last', 'surname', 'family name', 'lname']),
  ...keys('company', ['company', 'company name', 'organization', 'organisation', 'organization name', 'org']),
  ...keys('company', ['business', 'business name', 'employer', 'account name']),
  ...keys('title', ['title', 'job title', 'position', 'job position']),
  ...keys('phone', ['phone no', 'tel', 'cell', 'cell number', 'cellular', 'direct line']),
  ...keys('email', ['mail', 'email id']),
])

function keys(kind: Kind, names: string[]): [string, Kind][] {
  return names.map((name) => [headerKey(name), kind])
}

function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

const fieldByKey: ReadonlyMap<string, ContactField> = new Map(contactFields.map((field) => [headerKey(field), field]))

/**
 * Maps each column of a header to a contact field, as Omnigage proposes before an import. A column
 * named after a vocabulary word (`phone2-phone-number`, or "Phone2 Phone Number") keeps that word;
 * the others are matched by synonym, ignoring case, spaces and punctuation ("E-mail", "Job Title",
 * "Cell"). Phone and email columns take the next free slot, left to right; columns that match
 * nothing, repeat a field already taken or come after the third phone or email map to `null`.
 *
 * @example
 * autoMap(['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address'])
 * // ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address']
 */
export function autoMap(header: readonly string[]): Mapping {
  const mapping: Mapping = header.map(() => null)
  const taken = new Set<ContactField>()
  // Exact vocabulary words first, so "Phone" in column 1 does not take the slot that a later
  // "phone1-phone-number" column names.
  header.forEach((name, column) => {
    const field = fieldByKey.get(headerKey(name))
    if (field !== undefined && !taken.has(field)) {
      mapping[column] = field
      taken.add(field)
    }
  })
  // A column named after a vocabulary word was settled above: it has its word, or repeats one
  // taken already and stays unmapped.
  header.forEach((name, column) => {
    if (fieldByKey.has(headerKey(name))) {
      return
    }
    const kind = kindOf(headerKey(name))
    const field =
      kind === 'phone' ? nextFree(phoneFields, taken) : kind === 'email' ? nextFree(emailFields, taken) : kind
    if (field !== undefined && !taken.has(field)) {
      mapping[column] = field
      taken.add(field)
    }
  })
  return mapping
}

// Numbers in a name tell columns apart, so they are left out: "Phone 2", "Email2" and Outlook's
// "E-mail 2 Address" are phones and emails. So is anything named "… Phone" or "… Email" that the
// list above lacks ("Assistant Phone", "Billing E-mail").
function kindOf(key: string): Kind | undefined {
  const bare = key.replace(/\p{N}/gu, '')
  const kind = synonyms.get(bare)
  if (kind !== undefined) {
    return kind
  }
  if (/(?:phone|phonenumber|mobile|mobilenumber)$/.test(bare)) {
    return 'phone'
  }
  if (/(?:email|emailaddress)$/.test(bare)) {
    return 'email'
  }
  return undefined
}

function nextFree(slots: readonly ContactField[], taken: ReadonlySet<ContactField>): ContactField | undefined {
  return slots.find((slot) => !taken.has(slot))
}

/**
 * Checks a mapping a user sends against the file's header: one entry per column, each a vocabulary
 * word or `null` (an empty string also skips a column), no field twice, and at least one phone or
 * email column, without which no row could be imported. Answers the mapping, or a sentence saying
 * what is wrong and how to fix it.
 *
 * @example
 * checkMapping(['first-name', 'mobile'], ['Name', 'Cell'])
 * // { ok: false, reason: 'Column 2 ("Cell") is mapped to "mobile", which is not a contact field; …' }
 */
export function checkMapping(mapping: unknown, header: readonly string[]): MappingCheck {
  const columns = `${header.length} column${header.length === 1 ? '' : 's'} (${header.map(quote).join(', ')})`
  if (!Array.isArray(mapping)) {
    return fail(`The mapping must be a list with one entry per column of the file, which has ${columns}.`)
  }
  if (mapping.length !== header.length) {
    return fail(
      `The mapping has ${mapping.length} entr${mapping.length === 1 ? 'y' : 'ies'} but the file has ${columns}: ` +
        'give one entry per column, and null for a column to skip.',
    )
  }
  const checked: Mapping = []
  const columnOf = new Map<ContactField, number>()
  for (const [index, entry] of mapping.entries()) {
    // One entry per column, checked above: every index has its column.
    const column = `Column ${index + 1} (${quote(header[index] as string)})`
    if (entry === null || entry === '') {
      checked.push(null)
      continue
    }
    if (!isContactField(entry)) {
      return fail(
        `${column} is mapped to ${JSON.stringify(entry)}, which is not a contact field; use one of ${contactFields.join(', ')}, ` +
          'or null to skip the column.',
      )
    }
    const earlier = columnOf.get(entry)
    if (earlier !== undefined) {
      return fail(
        `Columns ${earlier + 1} (${quote(header[earlier] as string)}) and ${index + 1} (${quote(header[index] as string)}) ` +
          `are both mapped to "${entry}"; map each contact field to one column at most ` +
          '(a second phone or email goes to phone2-phone-number or email2-email-address).',
      )
    }
    columnOf.set(entry, index)
    checked.push(entry)
  }
  if (!checked.some((field) => field !== null && (field.startsWith('phone') || field.startsWith('email')))) {
    return fail(
      'The mapping has no phone or email column, so no row could be imported: map at least one column to ' +
        'a phoneN-phone-number or emailN-email-address field.',
    )
  }
  return { ok: true, mapping: checked }
}

function quote(text: string): string {
  return JSON.stringify(text)
}

function fail(reason: string): MappingCheck {
  return { ok: false, reason }
}

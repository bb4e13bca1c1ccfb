import type { components } from '@contactkit/specs/aurinko'
import { isoSeconds } from '../core/time-format.js'

/** A contact as the API writes it. */
export type Contact = components['schemas']['Contact']

/** What a client may write: the contact without its read-only fields. */
export type ContactFields = Omit<Contact, 'id' | 'etag' | 'createdTime' | 'lastModifiedTime' | 'hasPhoto'>

/** The writable top-level fields and, for the nested ones, the keys each item may have. */
const shape: Record<keyof ContactFields, readonly string[] | 'string' | 'strings' | 'map'> = {
  name: ['displayName', 'prefix', 'givenName', 'middleName', 'familyName', 'suffix', 'yomiGivenName', 'yomiFamilyName'],
  nickName: 'string',
  fileAs: 'string',
  company: ['name', 'officeLocation', 'department', 'jobTitle', 'yomiCompanyName'],
  relations: ['name', 'type'],
  birthday: 'string',
  keywords: 'strings',
  notes: 'string',
  emailAddresses: ['address', 'name', 'type'],
  // canonicalForm is read-only: the simulator works it out.
  phoneNumbers: ['number', 'type'],
  addresses: ['street', 'streetLine2', 'poBox', 'city', 'state', 'postalCode', 'country', 'type'],
  urls: ['href', 'type'],
  nativeProperties: 'map',
  photo: ['id', 'name', 'mimeType', 'content'],
}
const listFields = new Set(['relations', 'emailAddresses', 'phoneNumbers', 'addresses', 'urls'])

/**
 * The writable fields of a body the spec already accepted, copied into a fresh object: read-only
 * fields and names the schema does not know are dropped, so nothing the client keeps a reference
 * to is stored.
 *
 * @example
 * writableFields({ id: 'x', name: { givenName: 'Sam' }, extra: 1 }) // { name: { givenName: 'Sam' } }
 */
export function writableFields(body: Record<string, unknown>): ContactFields {
  const fields: Record<string, unknown> = {}
  for (const [field, kind] of Object.entries(shape)) {
    const value = body[field]
    if (value === undefined) {
      continue
    }
    if (kind === 'string') {
      fields[field] = value
    } else if (kind === 'strings') {
      fields[field] = [...(value as string[])]
    } else if (kind === 'map') {
      fields[field] = { ...(value as Record<string, string>) }
    } else if (listFields.has(field)) {
      fields[field] = (value as Record<string, unknown>[]).map((item) => pick(item, kind))
    } else {
      fields[field] = pick(value as Record<string, unknown>, kind)
    }
  }
  return fields as ContactFields
}

function pick(item: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const key of keys) {
    if (item[key] !== undefined) {
      picked[key] = item[key]
    }
  }
  return picked
}

/** What the store knows about a contact beyond its fields. */
export interface ContactMeta {
  id: string
  etag: string
  createdMs: number
  modifiedMs: number
}

/** Which optional parts a GET asked for. */
export interface RenderOptions {
  withPhoto?: boolean
  /** Names of the native properties to include. */
  nativeProperties?: readonly string[]
}

/**
 * A contact as the API answers with it: read-only fields first, a display name worked out from
 * the parts when none was given, each phone number's `canonicalForm`, and `photo` and
 * `nativeProperties` only when asked for.
 *
 * @example
 * wireContact(meta, { name: { givenName: 'Sam', familyName: 'Black' } }).name?.displayName // 'Sam Black'
 */
export function wireContact(meta: ContactMeta, fields: ContactFields, options: RenderOptions = {}): Contact {
  const { photo, nativeProperties, name, phoneNumbers, ...rest } = fields
  // Read-only fields are `readonly` in the generated type: build, then hand out as a Contact.
  const contact: { -readonly [K in keyof Contact]: Contact[K] } = {
    id: meta.id,
    etag: meta.etag,
    createdTime: isoSeconds(meta.createdMs),
    lastModifiedTime: isoSeconds(meta.modifiedMs),
  }
  // Every contact is handed out as JSON, which leaves out a key whose value is undefined: a name
  // with no part to show and a number with no canonical form need no branch of their own.
  if (name) {
    const displayName = name.displayName ?? ([name.givenName, name.familyName].filter(Boolean).join(' ') || undefined)
    contact.name = { displayName, ...name }
  }
  Object.assign(contact, rest)
  if (phoneNumbers) {
    contact.phoneNumbers = phoneNumbers.map((phone) => {
      // A stored phone holds no canonicalForm of its own (it is read-only), so nothing is overwritten.
      return { ...phone, canonicalForm: phone.number === undefined ? undefined : canonicalForm(phone.number) }
    })
  }
  const wanted = options.nativeProperties
  if (wanted && nativeProperties) {
    const asked = Object.entries(nativeProperties).filter(([key]) => wanted.includes(key))
    if (asked.length > 0) {
      contact.nativeProperties = Object.fromEntries(asked)
    }
  }
  contact.hasPhoto = photo !== undefined
  if (options.withPhoto && photo) {
    contact.photo = photo
  }
  return contact
}

/**
 * The number in E.164 form where it can be told without a region: a leading `+`, or ten digits
 * read as North American (as the vendor's example, "415 8399949", is). Otherwise undefined.
 *
 * @example
 * canonicalForm('415 8399949') // '+14158399949'
 * canonicalForm('555-1234') // undefined: seven digits and no region
 */
export function canonicalForm(number: string): string | undefined {
  const digits = number.replace(/\D/g, '')
  if (number.trim().startsWith('+')) {
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined
  }
  if (digits.length === 10) {
    return `+1${digits}`
  }
  return digits.length === 11 && digits.startsWith('1') ? `+${digits}` : undefined
}

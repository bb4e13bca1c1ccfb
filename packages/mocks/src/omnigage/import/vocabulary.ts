/**
 * The contact fields an Omnigage import can map a column to, in the order the vendor lists them.
 * Three phone and three email slots: a fourth phone column has nowhere to go.
 */
export const contactFields = [
  'first-name',
  'last-name',
  'company',
  'title',
  'phone1-phone-number',
  'phone2-phone-number',
  'phone3-phone-number',
  'email1-email-address',
  'email2-email-address',
  'email3-email-address',
] as const

/** One word of the mapping vocabulary, such as `first-name` or `phone2-phone-number`. */
export type ContactField = (typeof contactFields)[number]

/** The phone slots, first to last: autoMap fills them in this order. */
export const phoneFields = ['phone1-phone-number', 'phone2-phone-number', 'phone3-phone-number'] as const

/** The email slots, first to last: autoMap fills them in this order. */
export const emailFields = ['email1-email-address', 'email2-email-address', 'email3-email-address'] as const

// Typed to be asked about anything: what is not one of its strings is not in it.
const fieldSet: ReadonlySet<unknown> = new Set(contactFields)

/**
 * Whether a value is a word of the mapping vocabulary (exactly, as the API spells it).
 *
 * @example
 * isContactField('company') // true
 * isContactField('Company') // false: the API takes the word as written
 */
export function isContactField(value: unknown): value is ContactField {
  return fieldSet.has(value)
}

import { type CountryCode, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/core'
import metadata from 'libphonenumber-js/min/metadata'

/** Where a phone number without a `+` is dialled from: Omnigage stores `14076341732` as `+14076341732`. */
export const defaultCountry: CountryCode = 'US'

// The parts of libphonenumber-js's Metadata that its own validation reads but its types leave out.
interface NumberingPlanInternals {
  leadingDigits(): string | undefined
  nationalNumberPattern(): string
  type(name: string): { pattern(): string } | undefined
}
interface MetadataInternals {
  selectNumberingPlan(country: string): void
  numberingPlan: NumberingPlanInternals
  // Asked about calling code 1 only, which the metadata always has.
  getCountryCodesForCallingCode(callingCode: string): string[]
}

interface NanpPlan {
  leadingDigits: RegExp | undefined
  nationalNumber: RegExp
  // The patterns of its number types, in the order libphonenumber-js tries them; empty when the
  // plan has none.
  types: RegExp[]
}

// The number types a North American plan of the bundled metadata has, in the order libphonenumber-js
// tries them. It also tries MOBILE, SHARED_COST, PAGER, UAN and VOICEMAIL, which no such plan has for
// a ten-digit number (Canada's UAN numbers have seven). Each type kept takes ten digits, the only
// length the fast path sees, so its possible lengths are not compared. phone-number.test.ts
// compares the fast path with the library on every area code, so a metadata update that changes
// any of this shows there.
const numberTypes = ['FIXED_LINE', 'PREMIUM_RATE', 'TOLL_FREE', 'VOIP', 'PERSONAL_NUMBER']

// libphonenumber-js compiles a new RegExp for every pattern it tests (16 µs a number, half of it in
// `new RegExp`), which alone would cap an import at 60,000 rows a second. North American numbers,
// almost all of what this simulator sees, are validated here with the same metadata and the same
// rules, compiled once; `phone-number.test.ts` checks the two agree. Anything else goes to the library.
const nanpPlans: NanpPlan[] = compileNanpPlans()

function compileNanpPlans(): NanpPlan[] {
  const plans = new Metadata(metadata) as unknown as MetadataInternals
  return plans.getCountryCodesForCallingCode('1').map((country) => {
    plans.selectNumberingPlan(country)
    const plan = plans.numberingPlan
    const leadingDigits = plan.leadingDigits()
    // `type` answers undefined for a type the plan lacks, and for every type of a plan without any.
    const types = numberTypes.flatMap((name) => {
      const type = plan.type(name)
      return type ? [entirely(type.pattern())] : []
    })
    return {
      leadingDigits: leadingDigits ? new RegExp(`^(?:${leadingDigits})`) : undefined,
      nationalNumber: entirely(plan.nationalNumberPattern()),
      types,
    }
  })
}

function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`)
}

/**
 * The E.164 form of a phone number as a person typed it, or `null` when it is not a valid number.
 * Numbers without a `+` are read as dialled from the US, with or without the leading `1`.
 *
 * @example
 * toE164('14076341732') // '+14076341732'
 * toE164('(201) 555-0123') // '+12015550123'
 * toE164('+44 20 7946 0958') // '+442079460958'
 * toE164('555-01') // null
 */
export function toE164(text: string): string | null {
  const national = nanpNationalNumber(text)
  if (national !== undefined) {
    return isValidNanp(national) ? `+1${national}` : null
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry, metadata)
  return parsed?.isValid() ? parsed.number : null
}

/**
 * The ten-digit national number of "2015550123", "1 (201) 555-0123", "+1 201.555.0123": what the
 * fast path validates itself. Undefined for anything it leaves to libphonenumber-js (letters,
 * extensions, other countries, other lengths), which answers those the same, only slower.
 *
 * @example
 * nanpNationalNumber('+1 (201) 555-0123') // '2015550123'
 * nanpNationalNumber('+44 20 7946 0958') // undefined
 */
export function nanpNationalNumber(text: string): string | undefined {
  let digits = ''
  let plus = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 48 && code <= 57) {
      digits += text[index]
    } else if (code === 43 && !plus && digits === '') {
      plus = true
    } else if (code !== 32 && code !== 45 && code !== 46 && code !== 40 && code !== 41) {
      return undefined
    }
  }
  // A leading 1 is the country code, since no national number starts with 1 (see tenDigits).
  if (digits.charCodeAt(0) === 49) {
    return tenDigits(digits.slice(1))
  }
  // After a +, only the country code 1 is North American.
  return plus ? undefined : tenDigits(digits)
}

// A national number starting with 0 or 1 is never North American, and the library reads some of
// them otherwise ("011…" is the US international prefix), so those go to the library.
function tenDigits(national: string): string | undefined {
  return national.length === 10 && national.charCodeAt(0) >= 50 ? national : undefined
}

// libphonenumber-js's rule: the first plan whose leading digits match, or else that validates the
// number, owns it; the number is valid when it validates for its owner. (A plan without types
// validates nothing there; the two plans without leading digits, the US and Canada, have types.)
function isValidNanp(national: string): boolean {
  for (const plan of nanpPlans) {
    if (plan.leadingDigits !== undefined) {
      if (plan.leadingDigits.test(national)) {
        return validates(national, plan)
      }
    } else if (validates(national, plan)) {
      return true
    }
  }
  return false
}

function validates(national: string, plan: NanpPlan): boolean {
  if (!plan.nationalNumber.test(national)) {
    return false
  }
  if (plan.types.length === 0) {
    return true
  }
  return plan.types.some((pattern) => pattern.test(national))
}

import { randomInt, randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'

/** A made-up person, with the values a row of an import file holds. */
export interface Person {
  firstName: string
  lastName: string
  company: string
  /** As written in the file: `(415) 555-0123`. */
  phone: string
  /** The E.164 form the API stores: `+14155550123`. */
  e164: string
  email: string
}

const firstNames = ['Ada', 'Bram', 'Cleo', 'Dov', 'Esme', 'Finn', 'Gaia', 'Hugo', 'Ines', 'Jory', 'Kit', 'Lior']
// US area codes in service; with 555-01xx, numbers set aside for fiction.
const areaCodes = ['206', '212', '303', '312', '404', '415', '512', '617', '702', '919']

/**
 * Made-up people for one suite run: a last name no real account has (`Ck` and eight hex
 * digits), so filters find only the run's contacts, and phones `555-01xx` in an area code picked
 * per run, numbered from 00, so a run never matches its own or (mostly) an earlier run's contacts.
 *
 * @example
 * const people = peopleOfRun()
 * const [ada, bram] = people.next(2)
 */
export function peopleOfRun() {
  const tag = randomUUID().replaceAll('-', '').slice(0, 8)
  const area = areaCodes[randomInt(areaCodes.length)] as string
  let count = 0
  return {
    /** The last name every person of the run has. */
    lastName: `Ck${tag}`,
    next(how: number): Person[] {
      return Array.from({ length: how }, () => {
        const index = count++
        if (index > 99) {
          throw new RangeError('A run has 100 phone numbers (555-0100 to 555-0199); use fewer people.')
        }
        const line = `01${String(index).padStart(2, '0')}`
        const firstName = firstNames[index % firstNames.length] as string
        return {
          firstName,
          lastName: `Ck${tag}`,
          company: `Test Co ${index}`,
          phone: `(${area}) 555-${line}`,
          e164: `+1${area}555${line}`,
          email: `${firstName.toLowerCase()}.${index}.${tag}@example.com`,
        }
      })
    },
  }
}

/** The header of `personRows`. */
export const personHeader = ['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address']

/** People as rows under `personHeader`. */
export function personRows(people: readonly Person[]): string[][] {
  return people.map((person) => [person.firstName, person.lastName, person.company, person.phone, person.email])
}

/**
 * A CSV file of a header and rows, quoted where a cell needs it, lines ending in CRLF.
 *
 * @example
 * csvFile('people.csv', personHeader, personRows(people))
 */
export function csvFile(name: string, header: readonly string[], rows: readonly (readonly string[])[]): File {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  const text = [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')
  return new File([`${text}\r\n`], name, { type: 'text/csv' })
}

/**
 * An XLSX file with one sheet holding a header and rows, as Excel writes it (via exceljs).
 *
 * @example
 * await xlsxFile('people.xlsx', personHeader, personRows(people))
 */
export async function xlsxFile(
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): Promise<File> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Contacts')
  sheet.addRow([...header])
  for (const row of rows) {
    sheet.addRow([...row])
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
  return new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

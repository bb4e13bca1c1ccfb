import { UnreadableFileError } from './unreadable-file-error.js'

/** An uploaded file as the S3 simulator holds it. */
export interface UploadedFile {
  bytes: Uint8Array
  /** The file name the user chose, used in the sentences that explain why a file cannot be read. */
  name: string
  contentType?: string
}

/** How a readable file is read: as comma-separated text, or as an Excel workbook. */
export type FileKind = 'csv' | 'xlsx'

// Binary files people upload by mistake, told apart so the sentence can say what the file is.
const signatures: { bytes: number[]; what: string; fix?: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive', fix: 'unpack it and upload the CSV or XLSX file inside' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97-2003 workbook (.xls) or a password-protected workbook',
    fix: 'open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
]

const zipSignature = [0x50, 0x4b, 0x03, 0x04]
// Far enough to meet a NUL in any binary format, near enough to cost nothing on a 100 MB CSV.
const sniffBytes = 8192
const defaultFix = 'export the contacts as "CSV UTF-8" or as an Excel workbook (.xlsx) and upload that'

/**
 * Decides how to read an uploaded file. The bytes decide: a ZIP archive is read as an XLSX
 * workbook and text as CSV, whatever the name or content type say (people rename files); the name
 * only goes into the sentence. Throws `UnreadableFileError` for an empty file, a known binary
 * format (PDF, images, legacy .xls) and anything with NUL bytes near its start that is not UTF-16
 * with a byte order mark.
 *
 * @example
 * fileKind({ bytes: new TextEncoder().encode('Email\nada@example.com\n'), name: 'contacts.csv' }) // 'csv'
 */
export function fileKind(file: UploadedFile): FileKind {
  const { bytes } = file
  if (bytes.length === 0) {
    throw new UnreadableFileError('The file is empty.')
  }
  if (startsWith(bytes, zipSignature)) {
    return 'xlsx'
  }
  for (const signature of signatures) {
    if (startsWith(bytes, signature.bytes)) {
      throw new UnreadableFileError(
        `${fileLabel(file)} is ${signature.what}, not a CSV or XLSX file: ${signature.fix ?? defaultFix}.`,
      )
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return 'csv'
  }
  const nul = bytes.subarray(0, sniffBytes).indexOf(0)
  if (nul !== -1) {
    throw new UnreadableFileError(
      `${fileLabel(file)} is not a CSV or XLSX file: it holds binary data (a NUL byte at byte ${nul + 1}). ` +
        `If it is UTF-16 text without a byte order mark, or another spreadsheet format, ${defaultFix}.`,
    )
  }
  return 'csv'
}

/**
 * The file as a sentence names it: `"contacts.csv"`, or "The file" when it has no name.
 *
 * @example
 * `${fileLabel({ bytes, name: 'contacts.csv' })} is empty.` // '"contacts.csv" is empty.'
 */
export function fileLabel(file: Pick<UploadedFile, 'name'>): string {
  return file.name ? JSON.stringify(file.name) : 'The file'
}

// A file shorter than the prefix does not start with it: the bytes past its end read as undefined.
function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

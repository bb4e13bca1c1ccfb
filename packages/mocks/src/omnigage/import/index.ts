export { csvLine, type ErredRow, errorsCsv } from './errors-file.js'
export { type FileKind, fileKind, type UploadedFile } from './file-kind.js'
export { autoMap, checkMapping, type Mapping, type MappingCheck } from './mapping.js'
export { toE164 } from './phone-number.js'
export { type FilePreview, previewFile } from './preview.js'
export { type ImportRow, InvalidMappingError, openImport, readImport } from './read-import.js'
export { readsBack, recordSource } from './record-source.js'
export {
  type ImportedContact,
  invalidEmailText,
  invalidPhoneText,
  noPhoneOrEmailText,
  type RowOutcome,
  validateRow,
} from './row-outcome.js'
export { openRows, type RowReader, readRows } from './table-reader.js'
export { UnreadableFileError } from './unreadable-file-error.js'
export { type ContactField, contactFields, emailFields, isContactField, phoneFields } from './vocabulary.js'

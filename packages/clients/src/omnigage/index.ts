export * from '../core/errors.js'
export * from './client.js'
export { readOmnigageError } from './errors.js'
export {
  csvMediaType,
  type ImportSource,
  mediaTypeOf,
  type NamedBlob,
  type ResolvedFile,
  resolveFileSource,
  type StreamSource,
  UnsupportedFileError,
  xlsxMediaType,
} from './file-source.js'
export {
  type ImportCounts,
  type ImportedContact,
  type ImportedFile,
  ImportFailedError,
  type ImportFileOptions,
  type ImportPhase,
  type ImportProgress,
  ImportTimeoutError,
  importFile,
  type RowError,
  waitForImport,
} from './import-flow.js'
export { readS3Error, S3UploadError, type S3UploadResult, type UploadToS3Options, uploadToS3 } from './s3-upload.js'

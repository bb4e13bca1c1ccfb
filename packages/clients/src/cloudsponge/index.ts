export { decodeRailsXml } from '@contactkit/specs/rails-xml'
export * from '../core/errors.js'
export * from './client.js'
export { decodeCloudSpongeBody, readCloudSpongeError } from './errors.js'
export {
  type ImportContactsOptions,
  type ImportedAddressBook,
  ImportFailedError,
  type ImportProgress,
  ImportTimeoutError,
} from './import-flow.js'

export * from '../core/errors.js'
export * from './client.js'
export {
  type ContactsApi,
  type ContactsPageOptions,
  createContactsApi,
  type GetContactOptions,
  type ListContactsOptions,
  type UpdateContactOptions,
} from './contacts.js'
export {
  EtagMismatchError,
  InvalidSyncTokenError,
  isInvalidTokenError,
  readAurinkoError,
  refineSyncError,
  SyncTokenExpiredError,
} from './errors.js'
export {
  createSyncSession,
  type SyncApi,
  type SyncChange,
  type SyncProgress,
  type SyncSession,
  type SyncSessionOptions,
  type SyncState,
  SyncTimeoutError,
} from './sync-session.js'

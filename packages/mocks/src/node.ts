// The Node-only part of @contactkit/mocks: everything else runs on web-standard APIs, in a browser tab too.
// HAR types of recordings, from @types/har-format (a dependency), so readers need no package of their own.
export type { Entry as HarEntry, Har } from 'har-format'

export { type AcceptEntry, type AcceptFile, readAcceptFile } from './compare/accept.js'
export { type CompareOptions, compareRecordings, type Recording } from './compare/compare-recordings.js'
export { CompareInputError } from './compare/errors.js'
export type { Difference, Finding, FindingKind } from './compare/findings.js'
export { type CompareFilesOptions, compareHarFiles } from './compare/har-files.js'
export { type CompareReport, formatReport, type OperationSummary } from './compare/report.js'
export { type SecretReplacer, secretPlaceholders } from './core/redaction.js'
export { type RunningServer, type ServeOptions, serve } from './core/serve.js'
export { BodyCapture, type CapturedBody, capturedBody } from './recording/body-capture.js'
export type {
  ExchangeChecker,
  ExchangeCheckerOptions,
  RequestFindings,
  ResponseDecoder,
  SeenRequest,
} from './recording/exchange-check.js'
export { type ContactkitEntryData, contactkitData, harEntry, type RecordedExchange } from './recording/har-entry.js'
export { HarFile, type HarFileOptions } from './recording/har-file.js'
export type { RecordingProxy, RecordingProxyOptions } from './recording/proxy.js'
export { type RecordingFetch, type RecordingFetchOptions, recordingFetch } from './recording/recording-fetch.js'
export { sharedSecretPlaceholders } from './recording/shared-secrets.js'
export {
  type Violation,
  violationLines,
  violationsHeader,
  violationsHeaderValue,
} from './recording/violations.js'

/**
 * Starts a recording proxy in front of a vendor's API (see `contactkit-mocks record`): answers
 * pass back byte for byte, each exchange is checked against the vendor's spec and appended,
 * secrets redacted, to a HAR file. Loaded when called: importing `serve` from this subpath does not
 * load every vendor, the validator and an XML parser.
 *
 * @example
 * const proxy = await startRecordingProxy({ vendor: 'aurinko', upstream: 'https://api.aurinko.io', port: 0 })
 * await fetch(`${proxy.url}/v1/contacts`, { headers: { Authorization: `Bearer ${token}` } })
 * await proxy.close() // proxy.harPath holds the exchange
 */
export async function startRecordingProxy(
  options: import('./recording/proxy.js').RecordingProxyOptions,
): Promise<import('./recording/proxy.js').RecordingProxy> {
  return (await import('./recording/proxy.js')).startRecordingProxy(options)
}

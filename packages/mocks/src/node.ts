// The Node-only part of @contactkit/mocks: everything else runs on web-standard APIs, in a browser tab too.
// HAR types of recordings, from @types/har-format (a dependency), so readers need no package of their own.
export type { Entry as HarEntry, Har } from 'har-format'
export { type RunningServer, type ServeOptions, serve } from './core/serve.js'
export { BodyCapture, type CapturedBody, capturedBody } from './recording/body-capture.js'
export {
  createExchangeChecker,
  type ExchangeChecker,
  type ExchangeCheckerOptions,
  type RequestFindings,
  type ResponseDecoder,
  type SeenRequest,
} from './recording/exchange-check.js'
export { type ContactkitEntryData, contactkitData, harEntry, type RecordedExchange } from './recording/har-entry.js'
export { HarFile, type HarFileOptions } from './recording/har-file.js'
export { type RecordingProxy, type RecordingProxyOptions, startRecordingProxy } from './recording/proxy.js'
export { type RecordingFetch, type RecordingFetchOptions, recordingFetch } from './recording/recording-fetch.js'
export {
  type Violation,
  violationLines,
  violationsHeader,
  violationsHeaderValue,
} from './recording/violations.js'

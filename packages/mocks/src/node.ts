// The Node-only part of @contactkit/mocks: everything else runs on web-standard APIs, in a browser tab too.

export { type AcceptEntry, type AcceptFile, readAcceptFile } from './compare/accept.js'
export { type CompareOptions, compareRecordings, type Recording } from './compare/compare-recordings.js'
export { CompareInputError } from './compare/errors.js'
export type { Difference, Finding, FindingKind } from './compare/findings.js'
export { type CompareFilesOptions, compareHarFiles } from './compare/har-files.js'
export { type CompareReport, formatReport, type OperationSummary } from './compare/report.js'
export { type RunningServer, type ServeOptions, serve } from './core/serve.js'

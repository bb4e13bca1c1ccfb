// The Node-only part of @contactkit/mocks: everything else runs on web-standard APIs, in a browser tab too.
export { type RunningServer, type ServeOptions, serve } from './core/serve.js'

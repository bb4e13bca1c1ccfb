// `@contactkit/mocks/testing`: what tests of code built on the simulators can reuse. Rolodex is the
// made-up vendor that docs/adding-a-vendor.md is followed for (its spec is
// `@contactkit/specs/testing`); `specCaller` sends requests to a simulator and checks every answer
// against the spec.
export { createRolodexSimulator, rolodexVendor } from './core/testing/rolodex/index.js'
export { type RolodexAccount, sandboxAccount as rolodexSandboxAccount } from './core/testing/rolodex/tenants.js'
export {
  type Answer,
  type Call,
  type CallOptions,
  type SpecCallerOptions,
  specCaller,
} from './core/testing/spec-caller.js'

// A setup file of `pnpm mutation` only (vitest.mutation.config.ts), never of `pnpm test`.
//
// The Omnigage simulator loads its import engine on first use (omnigage/import-engine.ts), so the
// engine's module-level values (sentences, file signatures, patterns) were first built inside
// whichever test imported a file first. Stryker then counted each of them as covered by that one
// test in each file and ran only those, which seldom look at the value: a changed sentence
// "survived" though later tests in the same file fail on it. Loaded here, before any test, they
// gain static coverage. The module registry is then cleared, so a test file's `vi.mock` of an
// engine module still applies when the engine is loaded again inside it; that makes them hybrid
// mutants, which a run without --ignore-static tests against every related test (with it, only
// against the tests that loaded them, so a survivor there is no result).
import { vi } from 'vitest'

await import('../packages/mocks/src/omnigage/import/index.ts')
vi.resetModules()

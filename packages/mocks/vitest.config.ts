import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // A hang guard, not a speed goal: on a loaded two-core machine a test that starts processes or
    // streams megabytes can pass 5 s without anything being wrong.
    testTimeout: 20_000,
    // Bundles the dashboard's page script (src/generated/, not committed) from its current source.
    globalSetup: ['./scripts/generate.mjs'],
  },
})

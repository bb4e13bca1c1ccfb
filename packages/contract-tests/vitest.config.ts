import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks each contract suite's operations against its parity coverage file.
    setupFiles: ['src/parity/coverage-setup.ts'],
    // Real-target imports poll once a second; give them room. Simulator tests never sleep.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
})

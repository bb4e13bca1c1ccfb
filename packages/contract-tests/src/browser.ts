import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; never a browser a tool downloads. CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a skip: `.ci/run` installs it.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(chromiumPath)) {
    return undefined
  }
  if (process.env.CI) {
    throw new Error(
      `Chromium is missing at ${chromiumPath} in CI; .ci/run should have installed it (apt-get install chromium).`,
    )
  }
  return `Chromium is not installed at ${chromiumPath}; install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`
}

/** Headless Chromium with the flags this sandboxed machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

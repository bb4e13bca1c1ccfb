// The Omnigage and S3 simulators of one set in their own process, for `omnigage.mjs`: prints their
// URLs once both listen, on a manual clock the bench moves through /__admin/clock.
import { createSimulatorSet, manualClock } from '../dist/index.js'
import { serve } from '../dist/node.js'
import { omnigageVendor } from '../dist/omnigage/index.js'
import { s3Vendor } from '../dist/s3/index.js'

const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock: manualClock('2026-03-01T12:00:00Z') })
const urls = {}
for (const name of ['s3', 'omnigage']) {
  const server = await serve(set.get(name), { port: 0 })
  set.setUrl(name, server.url)
  urls[name] = server.url
}
process.stdout.write(`${JSON.stringify(urls)}\n`)

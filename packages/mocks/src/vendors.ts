import { aurinkoVendor } from './aurinko/index.js'
import { cloudspongeVendor } from './cloudsponge/index.js'
import { omnigageVendor } from './omnigage/index.js'
import { s3Vendor } from './s3/index.js'

/**
 * Every vendor contactkit simulates. The CLI, `createSimulators`, the MSW base URLs and the
 * contract suite's real-target script read this list; adding a vendor is a folder and a line here.
 */
export const vendors = [cloudspongeVendor, aurinkoVendor, omnigageVendor, s3Vendor] as const

/** The name of a registered vendor: `'cloudsponge'`, … */
export type VendorName = (typeof vendors)[number]['name']

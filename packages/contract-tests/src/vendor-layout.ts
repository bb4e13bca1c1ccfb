import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { manualClock, type VendorRegistration } from '@contactkit/mocks'
import { parse } from 'yaml'
import { fuzzProfilesFolder, loadFuzzProfile } from './fuzz/fuzz-profiles.js'

// What docs/adding-a-vendor.md has a vendor add in each package, checked for a registry entry: the
// registered vendors in the packages themselves, the made-up vendor of the guide in the testing
// folders that mirror them.

/** Where each package keeps a vendor's files. */
export interface VendorLayout {
  /** The folder of specs: `<vendor>.yaml`. */
  specs: URL
  /** The folder of simulator folders: `<vendor>/index.ts`. */
  simulators: URL
  /** The folder of client folders: `<vendor>/index.ts`. */
  clients: URL
  /** The folder of fuzz profiles: `<vendor>.ts`. */
  fuzzProfiles: URL
}

/** A workspace package's folder and its manifest's exports. */
export interface WorkspacePackage {
  root: URL
  manifest: { exports: Record<string, unknown> }
}

const require = createRequire(import.meta.url)

/**
 * A workspace package's folder and manifest, found as Node finds the package.
 *
 * @example
 * workspacePackage('@contactkit/clients').manifest.exports['./aurinko']
 */
export function workspacePackage(name: string): WorkspacePackage {
  const manifestPath = require.resolve(`${name}/package.json`)
  return {
    root: new URL('.', pathToFileURL(manifestPath)),
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as WorkspacePackage['manifest'],
  }
}

/** Where the packages keep a registered vendor's files. */
export const packagesLayout: VendorLayout = {
  specs: new URL('openapi/', workspacePackage('@contactkit/specs').root),
  simulators: new URL('src/', workspacePackage('@contactkit/mocks').root),
  clients: new URL('src/', workspacePackage('@contactkit/clients').root),
  fuzzProfiles: fuzzProfilesFolder,
}

/**
 * What a vendor lacks of the guide's files, as sentences (none when it has them all): a spec, a
 * simulator folder whose simulator serves that spec, a client folder unless the entry says
 * `client: false` (and none if it does), and a fuzz profile of that name over that spec.
 *
 * @example
 * expect(await vendorLayoutProblems(aurinkoVendor, packagesLayout)).toEqual([])
 */
export async function vendorLayoutProblems(vendor: VendorRegistration, layout: VendorLayout): Promise<string[]> {
  const { name } = vendor
  const problems: string[] = []
  const spec = new URL(`${name}.yaml`, layout.specs)
  const title = existsSync(spec)
    ? (parse(readFileSync(spec, 'utf8')) as { info?: { title?: string } }).info?.title
    : undefined
  if (title === undefined) {
    problems.push(`there is no spec with a title at ${spec.pathname}`)
  }
  if (!existsSync(new URL(`${name}/index.ts`, layout.simulators))) {
    problems.push(`there is no simulator folder ${new URL(`${name}/`, layout.simulators).pathname}`)
  }
  const served = vendor.create({ clock: manualClock() }).document.info.title
  if (served !== title) {
    problems.push(`the simulator serves the spec of ${served}, not ${title}`)
  }
  const client = existsSync(new URL(`${name}/index.ts`, layout.clients))
  if (client !== (vendor.client !== false)) {
    problems.push(
      client
        ? `there is a client folder though the registry entry says client: false`
        : `there is no client folder ${new URL(`${name}/`, layout.clients).pathname}`,
    )
  }
  try {
    const profile = await loadFuzzProfile(name, layout.fuzzProfiles)
    if (profile.document.info.title !== title) {
      problems.push(`the fuzz profile fuzzes the spec of ${profile.document.info.title}, not ${title}`)
    }
  } catch (error) {
    problems.push((error as Error).message)
  }
  return problems
}

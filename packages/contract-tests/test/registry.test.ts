import { existsSync, readdirSync } from 'node:fs'
import { vendors } from '@contactkit/mocks'
import { vendors as specs } from '@contactkit/specs'
import { describe, expect, it } from 'vitest'
import { fuzzProfilesFolder } from '../src/fuzz/fuzz-profiles.js'
import { packagesLayout, vendorLayoutProblems, type WorkspacePackage, workspacePackage } from '../src/vendor-layout.js'

// The simulator registry (`@contactkit/mocks`' `vendors`) is the one list of vendors; every
// package that has something per vendor must agree with it, and nothing may name a vendor it lacks.

/** The subpaths exported as a folder's index (`./<vendor>` → `./dist/<vendor>/index.js`): the vendor entries. */
function folderExports(manifest: WorkspacePackage['manifest']): string[] {
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    subpath !== '.' &&
    typeof target === 'object' &&
    target !== null &&
    (target as { default?: unknown }).default === `./dist${subpath.slice(1)}/index.js`
      ? [subpath.slice(2)]
      : [],
  )
}

const specsPackage = workspacePackage('@contactkit/specs')
const mocksPackage = workspacePackage('@contactkit/mocks')
const clientsPackage = workspacePackage('@contactkit/clients')
const registered = vendors.map((vendor) => vendor.name)
const withClient = vendors.filter((vendor) => vendor.client !== false).map((vendor) => vendor.name)

describe.each(vendors.map((vendor) => [vendor.name, vendor] as const))('the registered vendor %s', (name, vendor) => {
  it("has the guide's files in every package: a spec, a simulator serving it, a client unless it says not, a fuzz profile", async () => {
    expect(await vendorLayoutProblems(vendor, packagesLayout)).toEqual([])
  })

  it('is exported as @contactkit/specs/<vendor> and @contactkit/mocks/<vendor>', () => {
    expect(specs).toContain(name)
    expect(specsPackage.manifest.exports[`./${name}`]).toEqual({
      types: `./dist/${name}.d.ts`,
      default: `./dist/${name}.js`,
    })
    expect(mocksPackage.manifest.exports[`./${name}`]).toEqual({
      types: `./dist/${name}/index.d.ts`,
      default: `./dist/${name}/index.js`,
    })
  })

  it(
    vendor.client === false
      ? 'has no client export, as its registry entry says'
      : 'has its client exported as @contactkit/clients/<vendor>',
    () => {
      const expected =
        vendor.client === false ? undefined : { types: `./dist/${name}/index.d.ts`, default: `./dist/${name}/index.js` }
      expect(clientsPackage.manifest.exports[`./${name}`]).toEqual(expected)
    },
  )
})

describe('nothing names a vendor the registry lacks', () => {
  it('no spec', () => {
    expect([...specs].sort()).toEqual([...registered].sort())
  })

  it('no simulator export', () => {
    expect(folderExports(mocksPackage.manifest).sort()).toEqual([...registered].sort())
  })

  it('no client export or client folder', () => {
    expect(folderExports(clientsPackage.manifest).sort()).toEqual([...withClient].sort())
    const folders = readdirSync(new URL('src/', clientsPackage.root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(new URL(`src/${entry.name}/index.ts`, clientsPackage.root)))
      .map((entry) => entry.name)
    expect(folders.sort()).toEqual([...withClient].sort())
  })

  it('no fuzz profile', () => {
    const profiles = readdirSync(fuzzProfilesFolder).map((file) => file.replace(/\.ts$/, ''))
    expect(profiles.sort()).toEqual([...registered].sort())
  })
})

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { vendors } from '@contactkit/mocks'
import { openApiDocument, vendors as specs } from '@contactkit/specs'
import { describe, expect, it } from 'vitest'
import { fuzzProfilesFolder, loadFuzzProfile } from '../src/fuzz/fuzz-profiles.js'

// The simulator registry (`@contactkit/mocks`' `vendors`) is the one list of vendors; every
// package that has something per vendor must agree with it, and nothing may name a vendor it lacks.

interface Manifest {
  exports: Record<string, unknown>
}

const require = createRequire(import.meta.url)

/** A workspace package's root folder and its manifest. */
function workspacePackage(name: string): { root: URL; manifest: Manifest } {
  const manifestPath = require.resolve(`${name}/package.json`)
  return {
    root: new URL('.', pathToFileURL(manifestPath)),
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest,
  }
}

/** The subpaths exported as a folder's index (`./<vendor>` → `./dist/<vendor>/index.js`): the vendor entries. */
function folderExports(manifest: Manifest): string[] {
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
  it('has a spec, exported as @contactkit/specs/<vendor>', () => {
    expect(specs).toContain(name)
    expect(existsSync(new URL(`openapi/${name}.yaml`, specsPackage.root))).toBe(true)
    expect(specsPackage.manifest.exports[`./${name}`]).toEqual({
      types: `./dist/${name}.d.ts`,
      default: `./dist/${name}.js`,
    })
  })

  it('has a simulator folder, exported as @contactkit/mocks/<vendor>', () => {
    expect(existsSync(new URL(`src/${name}/index.ts`, mocksPackage.root))).toBe(true)
    expect(mocksPackage.manifest.exports[`./${name}`]).toEqual({
      types: `./dist/${name}/index.d.ts`,
      default: `./dist/${name}/index.js`,
    })
  })

  it(
    vendor.client === false
      ? 'has no client, as its registry entry says'
      : 'has a client folder, exported as @contactkit/clients/<vendor>',
    () => {
      const expected =
        vendor.client === false ? undefined : { types: `./dist/${name}/index.d.ts`, default: `./dist/${name}/index.js` }
      expect(clientsPackage.manifest.exports[`./${name}`]).toEqual(expected)
      expect(existsSync(new URL(`src/${name}/index.ts`, clientsPackage.root))).toBe(vendor.client !== false)
    },
  )

  it('has a fuzz profile for its own spec', async () => {
    const profile = await loadFuzzProfile(name)
    expect(profile.vendor).toBe(name)
    expect(profile.document.info.title).toBe(openApiDocument(name as never).info.title)
  })
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

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotFoundError } from '@contactkit/clients'
import { createRolodexClient } from '@contactkit/clients/testing'
import { manualClock, vendors } from '@contactkit/mocks'
import { serve } from '@contactkit/mocks/node'
import { createRolodexSimulator, rolodexSandboxAccount, rolodexVendor } from '@contactkit/mocks/testing'
import fc from 'fast-check'
import { glob } from 'tinyglobby'
import { afterAll, describe, expect, it } from 'vitest'
import { loadFuzzProfile } from '../src/fuzz/fuzz-profiles.js'
import { fuzzCategories } from '../src/fuzz/fuzz-request.js'
import { runFuzzCase } from '../src/fuzz/fuzz-runner.js'
import { fuzzRequests } from '../src/fuzz/request-generator.js'
import { type VendorLayout, vendorLayoutProblems, workspacePackage } from '../src/vendor-layout.js'

// Rolodex, a made-up vendor added by following docs/adding-a-vendor.md: a spec, a simulator, a
// client and a fuzz profile, each in a testing folder of its package laid out as a vendor's files
// are, and nothing else edited. It goes through the paths that find a registered vendor by itself:
// the guide's file check, each package's build entries and the fuzz (its simulator joins a set in
// the test beside it in mocks).

const packages = {
  specs: workspacePackage('@contactkit/specs').root,
  mocks: workspacePackage('@contactkit/mocks').root,
  clients: workspacePackage('@contactkit/clients').root,
}

const toyLayout: VendorLayout = {
  specs: new URL('testing/openapi/', packages.specs),
  simulators: new URL('src/core/testing/', packages.mocks),
  clients: new URL('src/testing/', packages.clients),
  fuzzProfiles: new URL('../src/testing/fuzz-profiles/', import.meta.url),
}

const scratch: string[] = []
afterAll(async () => {
  await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true })))
})

/** The entries a package's build would take if these files were in it, by its own tsup patterns. */
async function buildEntries(packageRoot: URL, files: string[]): Promise<string[]> {
  const config = (await import(new URL('tsup.config.ts', packageRoot).href)) as { default: { entry: string[] } }
  const root = await mkdtemp(join(tmpdir(), 'contactkit-entries-'))
  scratch.push(root)
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true })
    await writeFile(join(root, file), '')
  }
  return (await glob(config.default.entry, { cwd: root })).sort()
}

describe('a made-up vendor added by following the guide', () => {
  it('has the files the guide names, checked as a registered vendor is', async () => {
    expect(rolodexVendor.name).toBe('rolodex')
    expect(vendors.map((vendor) => vendor.name)).not.toContain('rolodex')
    expect(await vendorLayoutProblems(rolodexVendor, toyLayout)).toEqual([])
  })

  it('is named with each file it lacks when a package has no folder for it', async () => {
    const nowhere = new URL('../src/testing/nowhere/', import.meta.url)
    const problems = await vendorLayoutProblems(rolodexVendor, { ...toyLayout, simulators: nowhere, clients: nowhere })
    expect(problems).toEqual([
      `there is no simulator folder ${new URL('rolodex/', nowhere).pathname}`,
      `there is no client folder ${new URL('rolodex/', nowhere).pathname}`,
    ])
    const noProfile = await vendorLayoutProblems(rolodexVendor, { ...toyLayout, fuzzProfiles: nowhere })
    expect(noProfile).toEqual([
      `There is no fuzz profile for rolodex: write ${new URL('rolodex.ts', nowhere).pathname} exporting its FuzzProfile.`,
    ])
  })

  it("would be a build entry of each package from its folder alone, by the package's own patterns", async () => {
    const beside = ['src/index.ts', 'src/core/kit/index.ts', 'src/testing/helper/index.ts']
    expect(await buildEntries(packages.specs, ['src/index.ts', 'src/rolodex.ts', 'src/rolodex.test.ts'])).toEqual([
      'src/index.ts',
      'src/rolodex.ts',
    ])
    for (const root of [packages.mocks, packages.clients]) {
      const entries = await buildEntries(root, [...beside, 'src/rolodex/index.ts', 'src/rolodex/routes.ts'])
      expect(entries).toContain('src/rolodex/index.ts')
      expect(entries.filter((entry) => entry.includes('/core/') || entry.includes('/testing/'))).toEqual([])
    }
  })

  it("has a client, made with the clients' factory, that works against its simulator over HTTP", async () => {
    const server = await serve(createRolodexSimulator({ clock: manualClock() }))
    try {
      const byToken = createRolodexClient({ token: rolodexSandboxAccount.token, baseUrl: server.url })
      const created = await byToken.createCard({ name: 'Ann Lee', email: 'ann@example.com' })
      expect(created).toEqual({ id: 'c1', name: 'Ann Lee', email: 'ann@example.com' })
      const byAccount = createRolodexClient({
        account: { name: rolodexSandboxAccount.name, password: rolodexSandboxAccount.password },
        baseUrl: server.url,
      })
      expect(await byAccount.listCards({ limit: 5 })).toEqual([created])
      await expect(byToken.getCard('c9')).rejects.toBeInstanceOf(NotFoundError)
      await expect(byToken.getCard('c9')).rejects.toMatchObject({ code: 'card.missing' })
    } finally {
      await server.close()
    }
  })
})

// The fuzz core over the made-up vendor's profile, found the way the fuzz finds a registered
// vendor's: a few cases per category, as a check that a profile is all a vendor needs.
const runs = Number(process.env.FUZZ_RUNS ?? 20)
const profile = await loadFuzzProfile('rolodex', toyLayout.fuzzProfiles)

describe('the made-up vendor under the fuzz', () => {
  const arbitraries = fuzzRequests(profile)
  const target = profile.createTarget()
  for (const category of fuzzCategories) {
    it(`${category}: never a 5xx, never a hang, errors in its own format`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraries[category], async (request) => {
          await runFuzzCase(profile, target, request)
        }),
        { numRuns: runs },
      )
    })
  }
})

import type { FuzzProfile } from './fuzz-profile.js'

/** The folder of profiles: `profiles/<vendor>.ts`, one per registered vendor and named after it. */
export const fuzzProfilesFolder = new URL('./profiles/', import.meta.url)

/**
 * Loads a vendor's fuzz profile from `profiles/<vendor>.ts`, the file named after the vendor's
 * registry entry: its export whose `vendor` is that name. So the fuzz covers every registered vendor
 * without a list of its own; a vendor without a profile fails here, saying which file to write.
 * Another folder of profiles laid out the same way can be named (the made-up vendor's, in tests).
 *
 * @example
 * const profiles = await Promise.all(vendors.map((vendor) => loadFuzzProfile(vendor.name)))
 */
export async function loadFuzzProfile(vendor: string, folder: URL = fuzzProfilesFolder): Promise<FuzzProfile> {
  // Run from source by vitest: the profile is the TypeScript file itself.
  const url = new URL(`${vendor}.ts`, folder)
  const where = folder.href === fuzzProfilesFolder.href ? `src/fuzz/profiles/${vendor}.ts` : url.pathname
  let module: Record<string, unknown>
  try {
    module = (await import(/* @vite-ignore */ url.href)) as Record<string, unknown>
  } catch (error) {
    throw new Error(`There is no fuzz profile for ${vendor}: write ${where} exporting its FuzzProfile.`, {
      cause: error,
    })
  }
  const profile = Object.values(module).find(
    (value): value is FuzzProfile =>
      typeof value === 'object' && value !== null && (value as Partial<FuzzProfile>).vendor === vendor,
  )
  if (!profile) {
    throw new Error(`${where} exports no FuzzProfile whose vendor is "${vendor}"; export one.`)
  }
  return profile
}

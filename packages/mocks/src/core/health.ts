import type { Hono } from 'hono'
import manifest from '../../package.json' with { type: 'json' }

/** The path of the health answer, on every simulator and on the set's index. */
export const healthPath = '/health'

/** What `GET /__admin/health` answers: enough for CI to wait on, nothing an attacker could use. */
export interface HealthAnswer {
  status: 'ok'
  /** The simulator's vendor name, or `index` for the set's index. */
  vendor: string
  /** The version of `@contactkit/mocks` serving it. */
  version: string
  /** Wall-clock milliseconds since the app was made (not the simulator clock, which may stand still). */
  uptimeMs: number
}

/** The version of `@contactkit/mocks`; the build inlines it, so no file is read at run time. */
export const packageVersion: string = manifest.version

/**
 * Mounts `GET <path>` answering 200 with a {@link HealthAnswer}. Mount it before any token check:
 * CI scripts and test containers poll it without credentials, and it reveals nothing.
 *
 * @example
 * mountHealth(admin, 'cloudsponge') // GET /__admin/health → {"status":"ok","vendor":"cloudsponge",...}
 */
export function mountHealth(app: Hono, vendor: string, path: string = healthPath): void {
  const startedAt = performance.now()
  app.get(path, (c) => {
    const answer: HealthAnswer = {
      status: 'ok',
      vendor,
      version: packageVersion,
      uptimeMs: Math.round(performance.now() - startedAt),
    }
    return c.json(answer, 200, { 'Cache-Control': 'no-store' })
  })
}

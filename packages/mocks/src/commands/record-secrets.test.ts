import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CliRuns } from '../core/testing/cli-runs.js'
import { sandboxTenant } from '../omnigage/tenants.js'
import { omnigageUpload } from '../recording/testing/omnigage-upload.js'
import { readHar, Started } from '../recording/testing/servers.js'

// Omnigage's upload flow recorded as a user records it: two `contactkit-mocks record` processes,
// one in front of Omnigage and one in front of S3 (the upload form points at it), then
// `contactkit-mocks compare` of both files. The S3 post sends the signature the Omnigage answer
// handed out; compare can only see that when both processes numbered the secret alike.

const runs = new CliRuns()
const started = new Started()
afterEach(async () => {
  runs.killAll()
  await started.closeAll()
})

/** Records the flow through two record processes, with `extra` arguments for both; the two HAR paths. */
async function recordFlow(extra: (directory: string) => string[]): Promise<[string, string]> {
  const { set, urls } = await started.simulatorSet(['omnigage', 's3'])
  const directory = mkdtempSync(join(tmpdir(), 'contactkit-record-secrets-'))
  const hars = [join(directory, 'upload.har'), join(directory, 's3-upload.har')] as [string, string]
  const record = (vendor: string, har: string) =>
    runs.start(['record', vendor, '--upstream', urls[vendor] ?? '', '--port', '0', '--har', har, ...extra(directory)])
  const [omnigage, s3] = [record('omnigage', hars[0]), record('s3', hars[1])]
  const [omnigageUrl, s3Url] = await Promise.all([omnigage.urlOf('recording'), s3.urlOf('recording')])
  for (const run of extra(directory).length > 0 ? [omnigage, s3] : []) {
    await run.waitFor(/^secrets\s+\S+\.secret-numbers {2}\(numbered as every proxy given this file numbers them\)$/m)
  }
  set.setUrl('s3', s3Url)
  const { requestUrl } = await omnigageUpload(omnigageUrl)
  expect(requestUrl.startsWith(s3Url)).toBe(true)
  for (const run of [omnigage, s3]) {
    run.child.kill('SIGTERM')
    expect(await run.exited(), run.output()).toBe(0)
  }
  return hars
}

/**
 * The S3 form's secret fields (its signature and access key id) as each recording writes them:
 * handed out in Omnigage's answer, sent in the post to S3.
 */
function formSecrets([upload, s3Upload]: [string, string]): { handedOut: string[]; sent: string[] } {
  const names = ['AWSAccessKeyId', 'signature']
  const answer = JSON.parse(readHar(upload).log.entries[0]?.response.content.text ?? '{}')
  const form: Record<string, string> = Object.assign({}, ...answer.data.attributes['request-form-data'])
  const post = readHar(s3Upload).log.entries[0]?.request.postData?.text ?? ''
  return {
    handedOut: names.map((name) => form[name] ?? ''),
    sent: names.map((name) => new RegExp(`name="${name}"\\r?\\n\\r?\\n([^\\r\\n]*)`).exec(post)?.[1] ?? ''),
  }
}

describe('record processes sharing --secrets', { timeout: 60_000 }, () => {
  it('number the flow secrets alike, so compare of both recordings finds no drift', async () => {
    const hars = await recordFlow((directory) => ['--secrets', join(directory, '.secret-numbers')])
    const { handedOut, sent } = formSecrets(hars)
    expect(handedOut).toEqual([expect.stringMatching(/^<secret:\d+>$/), expect.stringMatching(/^<secret:\d+>$/)])
    expect(sent).toEqual(handedOut)
    const secretsFile = join(hars[0], '..', '.secret-numbers')
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600)
    for (const path of [...hars, secretsFile]) {
      expect(readFileSync(path, 'utf8')).not.toContain(sandboxTenant.tokenSecret)
    }

    const compare = runs.start(['compare', 'omnigage', ...hars])
    expect(await compare.exited(), compare.output()).toBe(0)
    expect(compare.output()).toContain('no drift')
    expect(compare.output()).toMatch(/^POST \/\{bucket\}\s+1\s+1\s+0\s+0$/m)
  })

  it('without it, each numbers from 1: the S3 post names another placeholder and compare reports drift', async () => {
    const hars = await recordFlow(() => [])
    const { handedOut, sent } = formSecrets(hars)
    expect(sent).toEqual([expect.stringMatching(/^<secret:\d+>$/), expect.stringMatching(/^<secret:\d+>$/)])
    expect(sent[1]).not.toBe(handedOut[1])

    const compare = runs.start(['compare', 'omnigage', ...hars])
    expect(await compare.exited()).toBe(1)
    expect(compare.output()).toMatch(/^POST \/\{bucket\}: status: recorded 204, simulator 403/m)
  })
})

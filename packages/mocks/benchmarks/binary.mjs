// The standalone executable beside the npm package's CLI: its size against the node binary it is
// made from, and its start to the first 200 against `node dist/cli.js` with the same arguments,
// alternating the two over the rounds (BENCH_ONLY=binary).
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { freePort, timeToFirst200 } from './first-200.mjs'
import { fixed, median, range } from './stats.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const megabytes = (bytes) => fixed(bytes / 1024 / 1024, 1)

/** The table rows of the standalone executable; none, with the reason printed, where it cannot be built. */
export async function binaryRows({ rounds }) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      `Standalone executable benchmarks skipped: it is built for linux-x64 only, not ${process.platform}-${process.arch}.`,
    )
    return []
  }
  const build = spawnSync(process.execPath, [here('../scripts/build-binary.mjs'), '--if-stale'], { stdio: 'inherit' })
  if (build.status !== 0) {
    throw new Error('Failed to build the standalone executable; see the lines above.')
  }
  const binary = here('../dist/contactkit-mocks-linux-x64')
  const size = statSync(binary).size
  const nodeSize = statSync(process.execPath).size

  const start = async (command, args) => {
    const port = await freePort()
    const flags = ['--only', 'cloudsponge', '--cloudsponge-port', String(port), '--index-port', '0']
    return timeToFirst200(command, [...args, ...flags], `http://127.0.0.1:${port}/__admin/health`)
  }
  const run = {
    npm: () => start(process.execPath, [here('../dist/cli.js')]),
    binary: () => start(binary, []),
  }
  // Warm-up: the file system cache holds both afterwards.
  await run.npm()
  await run.binary()
  const results = { npm: [], binary: [] }
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? ['binary', 'npm'] : ['npm', 'binary']) {
      results[name].push(await run[name]())
    }
  }
  const ratios = results.binary.map((result, round) => result.ms / results.npm[round].ms)
  const ms = (name) => median(results[name].map((result) => result.ms))
  const cpu = (name) => median(results[name].map((result) => result.cpu))
  return [
    {
      measure: 'standalone executable size (MB)',
      baseline: `node ${megabytes(nodeSize)}`,
      subject: `contactkit-mocks-linux-x64 ${megabytes(size)}`,
      ratio: fixed(size / nodeSize, 3),
      spread: '',
      cpu: '',
      aim: 'reference',
      met: 'reference',
    },
    {
      measure: 'standalone start to first 200 (ms)',
      baseline: `npm CLI ${fixed(ms('npm'))}`,
      subject: `executable ${fixed(ms('binary'))}`,
      ratio: fixed(median(ratios), 2),
      spread: range(ratios),
      cpu: `${fixed(cpu('binary'))} ms vs ${fixed(cpu('npm'))} ms`,
      aim: '<= 1.0x the npm CLI',
      met: median(ratios) <= 1 ? 'yes' : 'NO',
    },
  ]
}

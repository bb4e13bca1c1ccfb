// Builds the standalone executable, dist/contactkit-mocks-linux-x64, from the built CLI (dist/cli.js)
// with Node's single executable applications: esbuild bundles the CLI and every module it loads
// lazily into one CommonJS file (Node 20 runs a CommonJS main only), Node turns that file and
// Scalar's browser bundle (an asset: no node_modules sits beside the executable) into a blob, and
// postject injects the blob into a copy of the node binary running this script.
//
//   node scripts/build-binary.mjs              build it
//   node scripts/build-binary.mjs --if-stale   build it only when it is missing or older than dist/
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { inject } from 'postject'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = `${root}dist/`
export const binaryPath = `${dist}contactkit-mocks-linux-x64`
const work = `${dist}sea/`
// The key serve() asks the executable's assets for; a test fetches the reference page's bundle from the executable.
const referenceAsset = 'scalar-api-reference-standalone.js'
// The fuse Node looks for to know a blob was injected (the value the Node documentation gives).
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'

/**
 * Whether the executable is missing or older than anything it is built from (the built package
 * and this script).
 */
export function binaryIsStale() {
  const built = statSync(binaryPath, { throwIfNoEntry: false })?.mtimeMs
  if (built === undefined) {
    return true
  }
  const sources = [fileURLToPath(import.meta.url), ...jsFilesUnder(dist)]
  return sources.some((file) => statSync(file).mtimeMs > built)
}

function jsFilesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js') && !`${entry.parentPath}/`.startsWith(work))
    .map((entry) => `${entry.parentPath}/${entry.name}`)
}

/**
 * csv-parse is loaded through a specifier held in a variable, so browser bundlers leave the Node
 * build alone; esbuild cannot follow a variable, so the import is written out for it here. Counted,
 * so a change to that loader fails the build instead of shipping an executable that cannot read CSV.
 */
function csvParseInline(found) {
  return {
    name: 'csv-parse-inline',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8')
        const pattern = /import\(\s*\/\* @vite-ignore \*\/\s*nodeBuild\s*\)/g
        if (!pattern.test(text)) {
          return undefined
        }
        found.count++
        return { contents: text.replace(pattern, 'import("csv-parse")'), loader: 'js' }
      })
    },
  }
}

/** Builds the executable; returns its path. */
export async function buildBinary() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The standalone executable is built for linux-x64 only, from that platform's node; this is ${process.platform}-${process.arch}. Use the npm package (npx contactkit-mocks) here.`,
    )
  }
  statSync(`${dist}cli.js`, { throwIfNoEntry: false }) ??
    failWith('dist/cli.js is missing: build the package first (pnpm turbo run build --filter=@contactkit/mocks...).')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })

  const csvParse = { count: 0 }
  const result = await build({
    entryPoints: [`${dist}cli.js`],
    outfile: `${work}main.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // The only import.meta in the CLI's code reads the installed Scalar package, which the
    // executable replaces with its asset; give it the executable's own URL all the same.
    define: { 'import.meta.url': 'contactkitMainUrl' },
    banner: { js: 'var contactkitMainUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [csvParseInline(csvParse)],
  })
  if (csvParse.count !== 1) {
    failWith(
      `Expected one csv-parse loader to inline, found ${csvParse.count}; update csvParseInline in scripts/build-binary.mjs.`,
    )
  }
  // tsup's chunks import one another bare, for order alone; the package says it has no side
  // effects, so esbuild notes each such import it drops. Anything else is worth reading.
  for (const warning of result.warnings.filter((candidate) => candidate.id !== 'ignored-bare-import')) {
    console.warn(`esbuild: ${warning.text} (${warning.location?.file}:${warning.location?.line})`)
  }
  // A hashbang is legal only at the very start of a script; Node wraps the executable's main in a function.
  const main = readFileSync(`${work}main.cjs`, 'utf8').replace(/^#!.*\n/, '')
  writeFileSync(`${work}main.cjs`, main)

  const scalar = createRequire(`${root}package.json`).resolve('@scalar/api-reference/browser/standalone.js')
  writeFileSync(
    `${work}sea-config.json`,
    JSON.stringify({
      main: `${work}main.cjs`,
      output: `${work}blob`,
      disableExperimentalSEAWarning: true,
      // V8's compiled code goes in too: the executable skips compiling its 2 MB of JavaScript at start.
      useCodeCache: true,
      assets: { [referenceAsset]: scalar },
    }),
  )
  execFileSync(process.execPath, ['--experimental-sea-config', `${work}sea-config.json`], { stdio: 'pipe' })

  const partial = `${binaryPath}.partial`
  copyFileSync(process.execPath, partial)
  chmodSync(partial, 0o755)
  await inject(partial, 'NODE_SEA_BLOB', readFileSync(`${work}blob`), { sentinelFuse: fuse })
  copyFileSync(partial, binaryPath)
  chmodSync(binaryPath, 0o755)
  rmSync(partial)
  rmSync(work, { recursive: true, force: true })
  return binaryPath
}

function failWith(message) {
  throw new Error(message)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const onlyIfStale = process.argv.includes('--if-stale')
  try {
    if (onlyIfStale && !binaryIsStale()) {
      console.log(`${binaryPath} is up to date.`)
    } else {
      const started = performance.now()
      await buildBinary()
      const megabytes = (statSync(binaryPath).size / 1024 / 1024).toFixed(1)
      console.log(`Built ${binaryPath} (${megabytes} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
    }
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}

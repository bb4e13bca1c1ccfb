import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openApiDocument, vendors } from './index.js'

// One spec file is one vendor: these are the few places a new spec must reach, checked here.
const root = new URL('..', import.meta.url)
const specFiles = readdirSync(new URL('openapi/', root)).filter((file) => file.endsWith('.yaml'))
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, unknown> }

describe('the spec index', () => {
  it('lists every spec in openapi/, and nothing else', () => {
    expect([...vendors].sort()).toEqual(specFiles.map((file) => file.replace(/\.yaml$/, '')).sort())
  })

  it.each(specFiles.map((file) => file.replace(/\.yaml$/, '')))('gives %s a module and a package export', (vendor) => {
    expect(openApiDocument(vendor as never).openapi).toMatch(/^3\.1\./)
    expect(readdirSync(new URL('src/', root))).toContain(`${vendor}.ts`)
    expect(manifest.exports[`./${vendor}`]).toEqual({ types: `./dist/${vendor}.d.ts`, default: `./dist/${vendor}.js` })
  })
})

describe('the package exports', () => {
  // tsup builds every module in src/ but the document type; each must be reachable by a subpath.
  const entries = readdirSync(new URL('src/', root))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'openapi-document.ts')
    .map((file) => file.replace(/\.ts$/, ''))

  it.each(entries)('export the %s entry', (entry) => {
    const subpath = entry === 'index' ? '.' : `./${entry}`
    expect(manifest.exports[subpath]).toEqual({ types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` })
  })
})

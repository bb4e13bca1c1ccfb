import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readyFileProblem, removeReadyFile, writeReadyFile } from './ready-file.js'

const folder = () => mkdtempSync(join(tmpdir(), 'contactkit-ready-'))

describe('the ready file', () => {
  it('replaces an earlier file whole and leaves nothing else in the folder', () => {
    const dir = folder()
    const path = join(dir, 'ready.json')
    writeFileSync(path, 'an earlier run')
    writeReadyFile(path, { cloudsponge: 'http://127.0.0.1:4010', index: 'http://127.0.0.1:4000' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      cloudsponge: 'http://127.0.0.1:4010',
      index: 'http://127.0.0.1:4000',
    })
    expect(readdirSync(dir)).toEqual(['ready.json'])
    removeReadyFile(path)
    removeReadyFile(path) // already gone: nothing to do
    expect(readdirSync(dir)).toEqual([])
  })

  it('says why a path cannot take it, before anything starts', () => {
    const dir = folder()
    expect(readyFileProblem(join(dir, 'ready.json'))).toBeUndefined()
    expect(readyFileProblem(join(dir, 'missing', 'ready.json'))).toMatch(/which is not a folder that exists/)
    expect(readyFileProblem(dir)).toBe(
      `The ready file ${dir} is a folder; give a file name such as ${dir}/contactkit-mocks.json.`,
    )
  })
})

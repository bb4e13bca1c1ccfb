import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { documents as testingDocuments } from './generated/testing/index.js'
import { vendors } from './index.js'
import { rolodexDocument } from './testing.js'
import { createValidator } from './validator.js'

// The made-up vendor of docs/adding-a-vendor.md: its spec is one file in testing/openapi/, and the
// generator gives it what it gives every vendor (types, a document module, an index entry).
const specFiles = readdirSync(new URL('../testing/openapi/', import.meta.url)).filter((file) => file.endsWith('.yaml'))

describe('the made-up vendor', () => {
  it('is generated from its one spec file, as a vendor is, and stays out of the vendors', () => {
    expect(specFiles).toEqual(['rolodex.yaml'])
    expect(Object.keys(testingDocuments)).toEqual(['rolodex'])
    expect(testingDocuments.rolodex).toBe(rolodexDocument)
    expect(vendors).not.toContain('rolodex')
  })

  it('is read by the validator like any spec', () => {
    const validator = createValidator(rolodexDocument)
    const match = validator.matchOperation('GET', '/v1/cards/c12')
    expect(match).toMatchObject({ operationId: 'getCard', pathParams: { id: 'c12' } })
    expect(validator.validateRequest('listCards', { query: { limit: '99' } }).problems).toEqual([
      expect.objectContaining({ location: 'query.limit' }),
    ])
    expect(
      validator.validateRequest('createCard', { mediaType: 'application/json', body: { name: 'Ann' } }).problems,
    ).toEqual([])
    expect(
      validator.validateRequest('createCard', { mediaType: 'application/json', body: { name: '' } }).problems,
    ).toEqual([expect.objectContaining({ location: 'body.name' })])
  })
})

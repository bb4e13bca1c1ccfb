import { describe, expect, it } from 'vitest'
import { errorsFileName } from './files.js'

describe('errorsFileName', () => {
  it.each([
    ['import-5.xlsx', 'import-5-errors.csv'],
    ['people.backup.csv', 'people.backup-errors.csv'],
    ['people', 'people-errors.csv'],
    ['.csv', '.csv-errors.csv'],
  ])('names the errors file of %s %s', (original, name) => {
    expect(errorsFileName(original)).toBe(name)
  })
})

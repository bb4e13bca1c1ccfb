import { describe, expect, it } from 'vitest'
import { toyDocument } from '../testing/toy-vendor.js'
import { seedFailure, seedSchema } from './seed-schema.js'

const checkSeed = seedSchema<{ items?: unknown[] }>({
  title: 'Toy',
  schema: {
    description: 'an object with "items"',
    type: 'object',
    additionalProperties: false,
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1 }, count: { type: ['integer', 'null'] } },
        },
      },
      size: { description: 'a whole number or "all"', oneOf: [{ type: 'integer' }, { enum: ['all'] }] },
    },
  },
})

const refused = (input: unknown) => {
  try {
    checkSeed(input)
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError)
    return (error as Error).message
  }
  throw new Error('the seed was taken')
}

describe('seedSchema', () => {
  it('hands back a seed that fits, as it was given', () => {
    const seed = { items: [{ name: 'a', count: null }] }
    expect(checkSeed(seed)).toBe(seed)
  })

  it('names every wrong field where it is, in a reader’s words', () => {
    expect(refused({ items: [{ name: '' }, { count: 'x' }] })).toBe(
      'Failed to seed the Toy simulator: items[0].name must not be empty; items[1].name is required; items[1].count must be a whole number or null.',
    )
    expect(refused([])).toBe('Failed to seed the Toy simulator: the seed must be an object.')
    expect(refused(undefined)).toBe('Failed to seed the Toy simulator: send an object with "items".')
  })

  it('names unknown fields and the ones a part takes', () => {
    expect(refused({ itms: [] })).toBe(
      'Failed to seed the Toy simulator: the seed has no field "itms"; it takes items, size.',
    )
    expect(refused({ items: [{ name: 'a', colour: 'red' }] })).toBe(
      'Failed to seed the Toy simulator: items[0] has no field "colour"; it takes name, count.',
    )
  })

  it('says what fits where no branch of a oneOf does', () => {
    expect(refused({ size: 'some' })).toBe('Failed to seed the Toy simulator: size must be a whole number or "all".')
  })

  it('reads schemas the vendor’s spec holds', () => {
    const withSpec = seedSchema({
      title: 'Toy',
      document: { ...toyDocument, components: { schemas: { Name: { type: 'string', maxLength: 3 } } } },
      schema: { type: 'object', properties: { name: { $ref: '#/components/schemas/Name' } } },
    })
    expect(() => withSpec({ name: 'abcd' })).toThrow(
      'Failed to seed the Toy simulator: name must not have more than 3 characters.',
    )
  })
})

describe('seedFailure', () => {
  it('writes a check the schema cannot make in the same style', () => {
    expect(seedFailure('Toy', 'items[0]: there is no bucket "x"').message).toBe(
      'Failed to seed the Toy simulator: items[0]: there is no bucket "x".',
    )
  })
})

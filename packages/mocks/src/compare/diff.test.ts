import { describe, expect, it } from 'vitest'
import { type BodyCompareOptions, compareBodies, placeholderPairing } from './diff.js'
import { Placeholder } from './normalise.js'

const options = (overrides: Partial<BodyCompareOptions> = {}): BodyCompareOptions => ({
  orderedKeys: true,
  errorAnswer: false,
  vocabulary: new Set(['status']),
  fromRequest: () => false,
  mapValue: (value) => value,
  samePlaceholder: placeholderPairing(),
  ...overrides,
})

describe('compareBodies', () => {
  it('merges the elements of a list into one shape: lengths and per-record variety never count', () => {
    const recorded = { contacts: [{ first_name: 'A', dob: '1990' }, { first_name: 'B' }] }
    const simulated = { contacts: [{ first_name: 'C' }, { first_name: 'D', dob: '1985' }, { first_name: 'E' }] }
    expect(compareBodies(recorded, simulated, options())).toEqual([])
  })

  it('reports a key no element has, a type no element shares, and keys out of order in merged shapes', () => {
    const recorded = { contacts: [{ first_name: 'A', last_name: 'B', phone: [] }], total: 1 }
    const simulated = { contacts: [{ last_name: 'C', first_name: 'D' }], total: '1' }
    expect(compareBodies(recorded, simulated, options())).toEqual([
      { kind: 'key-missing', path: 'body.contacts[*].phone', recorded: 'array', simulated: 'missing' },
      {
        kind: 'key-order',
        path: 'body.contacts[*]',
        recorded: 'first_name, last_name',
        simulated: 'last_name, first_name',
      },
      { kind: 'type', path: 'body.total', recorded: 'number', simulated: 'string' },
    ])
    expect(compareBodies(recorded, simulated, options({ orderedKeys: false })).map((found) => found.kind)).toEqual([
      'key-missing',
      'type',
    ])
  })

  it('compares words of the API outside lists only, values the request sent, and error messages with ids mapped', () => {
    const compare = (recorded: unknown, simulated: unknown, extra: Partial<BodyCompareOptions> = {}) =>
      compareBodies(recorded, simulated, options(extra)).map((found) => `${found.kind} ${found.path}`)
    expect(
      compare({ status: 'success', events: [{ status: 'DONE' }] }, { status: 'error', events: [{ status: 'WAIT' }] }),
    ).toEqual(['value body.status'])
    expect(
      compare({ echo: 'hi', name: 'Ann' }, { echo: 'ho', name: 'Bob' }, { fromRequest: (key) => key === 'echo' }),
    ).toEqual(['value body.echo'])
    expect(
      compare(
        { message: 'no contact c1' },
        { message: 'no contact c9' },
        {
          errorAnswer: true,
          mapValue: (value) => String(value).replace('c1', 'c9'),
        },
      ),
    ).toEqual([])
    expect(compare({ code: 'not_found' }, { code: 'missing' }, { errorAnswer: true })).toEqual(['error body.code'])
  })

  it('holds placeholders to one pairing: one id where the recording had two is drift', () => {
    const id = (n: number) => new Placeholder(`<id:${n}>`, 'number')
    const samePlaceholder = placeholderPairing()
    expect(
      compareBodies({ id: id(1), import_id: id(1) }, { id: id(4), import_id: id(4) }, options({ samePlaceholder })),
    ).toEqual([])
    expect(compareBodies({ other: id(2) }, { other: id(4) }, options({ samePlaceholder }))).toEqual([
      { kind: 'value', path: 'body.other', recorded: '<id:2>', simulated: '<id:4>' },
    ])
  })
})

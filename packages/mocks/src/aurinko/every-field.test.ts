import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

/** A contact with every field a client may write, each item with every key its schema has. */
const everything = {
  name: {
    displayName: 'Dr. Ann Q. Lee Jr.',
    prefix: 'Dr.',
    givenName: 'Ann',
    middleName: 'Q.',
    familyName: 'Lee',
    suffix: 'Jr.',
    yomiGivenName: 'アン',
    yomiFamilyName: 'リー',
  },
  nickName: 'Annie',
  fileAs: 'Lee, Ann',
  company: { name: 'Acme', officeLocation: 'B2', department: 'Sales', jobTitle: 'Lead', yomiCompanyName: 'アクメ' },
  relations: [{ name: 'Bo Lee', type: 'spouse' }],
  birthday: '1990-04-01',
  keywords: ['vip', 'golf'],
  notes: 'Met at the fair.',
  emailAddresses: [{ address: 'ann@example.com', name: 'Ann Lee', type: 'work' }],
  phoneNumbers: [{ number: '+44 20 7946 0958', type: 'workMobile' }],
  addresses: [
    {
      street: '1 Main St',
      streetLine2: 'Suite 2',
      poBox: 'PO 9',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
      type: 'work',
    },
  ],
  urls: [{ href: 'https://ann.example.com', type: 'blog' }],
  nativeProperties: { a: '1', b: '2' },
  photo: { id: 'p1', name: 'ann.png', mimeType: 'image/png', content: 'iVBORw0KGgo=' },
}

/** The contact as the API writes it back, asked for with its photo and every native property. */
function asWritten(fields: typeof everything) {
  const { number, type } = fields.phoneNumbers[0] as { number: string; type: string }
  return {
    ...fields,
    phoneNumbers: [{ number, type, canonicalForm: `+${number.replace(/\D/g, '')}` }],
    id: expect.any(String),
    etag: expect.any(String),
    createdTime: expect.any(String),
    lastModifiedTime: expect.any(String),
    hasPhoto: true,
  }
}

const full = '?withPhoto=true&nativeProperties=a&nativeProperties=b'

describe('a contact with every writable field', () => {
  it('is stored whole: each field and each key of its items is read back as written', async () => {
    const { call } = aurinkoHarness()
    const created = await call('POST', '/v1/contacts', { body: everything })
    expect(created.status).toBe(201)
    const read = await call('GET', `/v1/contacts/${created.body.id}${full}`)
    expect(read.conformance).toEqual([])
    expect(read.body).toEqual(asWritten(everything))
  })

  it('keeps only what it may write: read-only fields and keys no schema names are dropped, in items too', async () => {
    const { call } = aurinkoHarness()
    const created = await call('POST', '/v1/contacts', {
      body: {
        ...everything,
        id: 'mine',
        etag: 'mine',
        hasPhoto: false,
        emailAddresses: [{ ...everything.emailAddresses[0], verified: 'yes' }],
        company: { ...everything.company, ticker: 'ACME' },
      },
    })
    expect(created.status).toBe(201)
    expect(created.body.id).not.toBe('mine')
    const read = await call('GET', `/v1/contacts/${created.body.id}${full}`)
    expect(read.body).toEqual(asWritten(everything))
  })

  it('has each field replaced whole by a PATCH that sends it', async () => {
    const { call } = aurinkoHarness()
    const { id } = (await call('POST', '/v1/contacts', { body: { nickName: 'Plain' } })).body
    const patched = await call('PATCH', `/v1/contacts/${id}`, { body: everything })
    expect(patched.status).toBe(200)
    expect((await call('GET', `/v1/contacts/${id}${full}`)).body).toEqual(asWritten(everything))
  })
})

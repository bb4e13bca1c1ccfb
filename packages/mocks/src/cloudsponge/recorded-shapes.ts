import type { Contact, ContactsOwner } from './address-books.js'

/** An account to seed (`POST /__admin/state` `accounts`, or `state.seed`). */
export interface RecordedShapeAccount {
  service: string
  username: string
  password: string
  owner: ContactsOwner | null
  contacts: Contact[]
}

// The Java library's fixture, seeded under each desktop applet service.
const appletShape: Omit<RecordedShapeAccount, 'service'> = {
  username: 'applet-shape',
  password: 'recorded',
  owner: { first_name: 'Mónica', last_name: 'Owner', email: [{ address: 'owner.applet@example.com' }] },
  contacts: [
    {
      first_name: 'Teodora',
      last_name: 'Vaz',
      // No type at all: written as a type of null, as the Java fixture shows it.
      email: [{ address: 'teodora@example.com', primary: true }],
    },
    {
      first_name: 'lists-only',
      last_name: '',
      email: [{ address: 'lists-only@example.org', primary: true, type: null }],
    },
  ],
}

/**
 * Seedable accounts whose contacts have the shapes of the vendor's recorded traffic (2016): the
 * same keys, nulls and quirks, with made-up people. Each names the recording it imitates and sits
 * under the service of that recording, so it is reached through that service's flow:
 *
 * - `plaxo-shape` (plaxo, username/password): a contact with `"companies":[null]`, phones and
 *   emails without `primary`, and an owner that is only `owner` and an email (with a trailing tab).
 * - `windowslive-shape` (windowslive, user consent: approve as `windowslive-shape`): emails with
 *   `"address":null` placeholders typed `account`/`business`, a first email marked `primary`, an
 *   owner with a hexadecimal `external_id` and an empty last name.
 * - `aol-mailing-shape` (aol, username/password or user consent): meant for
 *   `include=mailing_address`: primary phone and email, addresses in the recorded key order,
 *   `dob`/`birthday`, a company with an ampersand, `job_title` of "".
 * - `applet-shape` (outlook and addressbook, desktop applet: approve as `applet-shape`): the Java
 *   library's XML fixture (`large_contacts.xml`): one email with `primary` and no type (written as
 *   a `type` of null), an empty last name, non-ASCII in a name. The fixture does not say which
 *   service it came from; the account is under both applet services, where its name sends a user.
 *
 * Every account's password is `recorded` (the consent methods never ask for it).
 */
export const recordedShapeAccounts: RecordedShapeAccount[] = [
  {
    service: 'plaxo',
    username: 'plaxo-shape',
    password: 'recorded',
    owner: { owner: true, email: [{ address: 'owner.plaxo@example.com\t' }] },
    contacts: [
      {
        first_name: 'Wilhelmina',
        last_name: 'Quarrington',
        phone: [{ number: '4155550134', type: 'Work' }],
        email: [{ address: 'w.quarrington@example.org', type: 'Home' }],
        companies: [null],
      },
    ],
  },
  {
    service: 'windowslive',
    username: 'windowslive-shape',
    password: 'recorded',
    owner: {
      first_name: 'K',
      last_name: '',
      external_id: '7c3e19a04b2d8f61',
      email: [
        { address: 'owner.live@example.net', type: 'account', primary: true },
        { address: null, type: 'personal' },
      ],
    },
    contacts: [
      {
        first_name: 'Oswin',
        last_name: 'Petrakis',
        email: [
          { address: 'oswin@example.net', type: 'personal', primary: true },
          { address: null, type: 'account' },
          { address: null, type: 'business' },
          { address: 'o.petrakis@example.com', type: 'other' },
        ],
      },
      {
        first_name: 'Marguerite Ann',
        last_name: 'Delacroix-Hale',
        phone: [{ number: '2065550199', type: 'Mobile' }],
        email: [{ address: null, type: 'personal', primary: true }],
      },
    ],
  },
  {
    service: 'aol',
    username: 'aol-mailing-shape',
    password: 'recorded',
    owner: {
      first_name: 'Test',
      last_name: 'Owner',
      external_id: '5B0D7E21-94AC-4F3E-8D12-6C7A0E9F3B44',
      email: [{ address: 'owner.aol@example.com' }],
    },
    contacts: [
      {
        first_name: 'Placeholder',
        last_name: 'Person',
        phone: [{ number: '5555550100', type: 'Mobile', primary: true }],
        email: [{ address: 'placeholder@example.com', type: 'Home', primary: true }],
        job_title: '',
      },
      {
        first_name: 'Ignatius',
        last_name: 'Farrowdale',
        email: [
          { address: 'ignatius@example.com', type: 'Home', primary: true },
          { address: 'i.farrowdale@example.org', type: 'Work' },
        ],
        address: [
          {
            // Written in another order on purpose: the simulator writes the recorded one.
            country: 'US',
            street: '1200 Larkspur Ln.',
            type: 'Home',
            city: 'Eugene',
            postal_code: '97401',
            region: 'OR',
          },
          { type: 'Work', street: '77 Quarry Rd.', city: 'Bend', region: 'OR', postal_code: '97701', country: 'US' },
        ],
        dob: '1984-02-29',
        birthday: '02-29',
        companies: ['Farrowdale & Sons <Surveyors>'],
        job_title: '',
      },
    ],
  },
  { service: 'outlook', ...appletShape },
  { service: 'addressbook', ...appletShape },
]

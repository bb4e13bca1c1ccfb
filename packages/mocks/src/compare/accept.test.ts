import { describe, expect, it } from 'vitest'
import { applyAccepts, readAcceptFile } from './accept.js'
import type { Finding } from './findings.js'

const finding = (path: string, kind: Finding['kind'] = 'key-added', source = 'docs-a.har#1'): Finding => ({
  kind,
  path,
  recorded: 'missing',
  simulated: 'number',
  operation: 'GET /contacts/{import_id}',
  operationId: 'getContacts',
  source,
})

describe('accept files', () => {
  it('matches by path (`*` one step, `**` any), operation, kind and recording, and lists entries that matched nothing', () => {
    const file = readAcceptFile(
      {
        accepted: [
          { path: 'body.*.id', reason: 'one step' },
          { path: 'body**', kind: 'key-order', reason: 'any depth' },
          { path: 'body.total', operation: 'getEvents', reason: 'another operation' },
          { path: 'body.echo', recording: 'java-*.har', reason: 'another recording' },
          { path: 'body.contacts[*].dob', reason: 'gone' },
        ],
      },
      'accept.json',
    )
    const findings = [
      finding('body.result.id'),
      finding('body.result.deep.id'),
      finding('body.contacts[*].email[*]', 'key-order'),
      finding('body.total'),
      finding('body.echo'),
    ]
    const outcome = applyAccepts(findings, file)
    expect(outcome.accepted.map((accepted) => [accepted.path, accepted.reason])).toEqual([
      ['body.result.id', 'one step'],
      ['body.contacts[*].email[*]', 'any depth'],
    ])
    expect(outcome.drift.map((drift) => drift.path)).toEqual(['body.result.deep.id', 'body.total', 'body.echo'])
    expect(outcome.unused.map((entry) => entry.reason)).toEqual(['another operation', 'another recording', 'gone'])
  })

  it('refuses an entry without a reason', () => {
    expect(() => readAcceptFile({ accepted: [{ path: 'body', reason: ' ' }] }, 'a.json')).toThrow(
      'a.json: accepted[0] needs a "path" and a "reason" that says why.',
    )
    expect(() => readAcceptFile([], 'a.json')).toThrow('a.json is not an accept file: it needs an "accepted" list.')
  })
})

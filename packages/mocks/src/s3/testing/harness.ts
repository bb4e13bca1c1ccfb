import { type Clock, manualClock } from '../../core/clock.js'
import { filenameVariable } from '../form.js'
import { createS3Simulator, type S3Simulator, type S3SimulatorOptions } from '../index.js'
import type { PresignPostInput } from '../presign.js'

/** A simulator on a manual clock at 2026-01-01T00:00:00Z. */
export function s3Fixture(options: S3SimulatorOptions = {}): { sim: S3Simulator; clock: Clock } {
  const clock = manualClock()
  return { sim: createS3Simulator({ ...options, clock }), clock }
}

/** A form's fields in order; `file` is appended after them unless it is null. */
export interface FormSpec {
  fields: Record<string, string> | [string, string][]
  file?: { name?: string; filename?: string; content: string | Uint8Array } | null
  /** Fields after the file, which S3 ignores. */
  after?: [string, string][]
}

/**
 * Posts a form as a browser would (FormData, its own boundary) to a path of the simulator.
 *
 * @example
 * const response = await postForm(sim, '/contactkit-uploads/', { fields }, { 'x-amz-server-side-encryption': 'AES256' })
 */
export function postForm(sim: S3Simulator, path: string, form: FormSpec, headers: Record<string, string> = {}) {
  const body = new FormData()
  const fields = Array.isArray(form.fields) ? form.fields : Object.entries(form.fields)
  for (const [name, value] of fields) {
    body.append(name, value)
  }
  if (form.file !== null) {
    const file = form.file ?? { content: 'First Name,Phone\nAnn,+15550100\n' }
    body.append(file.name ?? 'file', new File([file.content as BlobPart], file.filename ?? 'contacts.csv'))
  }
  for (const [name, value] of form.after ?? []) {
    body.append(name, value)
  }
  return sim.app.request(path, { method: 'POST', body, headers })
}

/** A form signed by the simulator's own presigner, with the sandbox key. */
export async function signedFields(
  sim: S3Simulator,
  input: Partial<PresignPostInput> & Pick<PresignPostInput, 'signatureVersion'>,
): Promise<Record<string, string>> {
  return (await sim.presignPost({ key: `uploads/${filenameVariable}`, ...input })).fields
}

/** The elements of an XML document of text elements, in order: `[['Code', 'AccessDenied'], …]`. */
export function xmlElements(xml: string): [string, string][] {
  const root = /<\?xml[^>]*\?>\n<(\w+)>([\s\S]*)<\/\1>$/.exec(xml)
  if (!root) {
    throw new Error(`Not an S3 XML document: ${xml}`)
  }
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  return [...(root[2] as string).matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((match) => [
    match[1] as string,
    decode(match[2] as string),
  ])
}

/**
 * The exact error document S3 answers, for this response's request id: `Code`, `Message`, the
 * given elements, `RequestId`, `HostId`.
 *
 * @example
 * expect(await response.text()).toBe(expectedError(response, 'AccessDenied', 'Access Denied'))
 */
export function expectedError(
  response: Response,
  code: string,
  message: string,
  elements: [string, string | number][] = [],
): string {
  const requestId = response.headers.get('x-amz-request-id') ?? ''
  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const inner = elements.map(([name, value]) => `<${name}>${escaped(String(value))}</${name}>`).join('')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${escaped(message)}</Message>${inner}` +
    `<RequestId>${requestId}</RequestId><HostId>${btoa(`contactkit/${requestId}`)}</HostId></Error>`
  )
}

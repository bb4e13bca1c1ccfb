/**
 * The request a dashboard example's curl command sends, for tests that run the examples as
 * written. Knows the options the examples use (`-X`, `-g`, `-u`, `-H`, `-d`) and throws on any
 * other, so an example that grows one fails its test instead of running as something else.
 *
 * @example
 * const { path, init } = curlRequest(`curl -u 'key:secret' -d a=1 '{baseUrl}/begin'`)
 * await simulator.app.request(path, init) // POST /begin, Basic key:secret, a form body
 */
export function curlRequest(command: string): { path: string; init: RequestInit } {
  const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map(([, quoted, bare]) => (quoted ?? bare) as string)
  if (words.shift() !== 'curl') {
    throw new Error(`not a curl command: ${command}`)
  }
  let method: string | undefined
  const headers: [string, string][] = []
  const data: string[] = []
  let url: string | undefined
  while (words.length > 0) {
    const word = words.shift() as string
    const value = (): string => {
      const next = words.shift()
      if (next === undefined) {
        throw new Error(`${word} wants a value: ${command}`)
      }
      return next
    }
    if (word === '-X') {
      method = value()
    } else if (word === '-g') {
      // Turns off curl's URL globbing, so `page[limit]` is sent as written; fetch never globs.
    } else if (word === '-u') {
      headers.push(['Authorization', `Basic ${btoa(value())}`])
    } else if (word === '-H') {
      const [name, ...rest] = value().split(':')
      headers.push([name as string, rest.join(':').trim()])
    } else if (word === '-d') {
      data.push(value())
    } else if (word.startsWith('-') || url !== undefined) {
      throw new Error(`${word} is not an option these tests know: ${command}`)
    } else {
      url = word
    }
  }
  if (url === undefined || !url.startsWith('{baseUrl}')) {
    throw new Error(`the command names no {baseUrl} address: ${command}`)
  }
  // curl -d posts, joins several with &, and labels them a form unless a header says otherwise.
  if (data.length > 0 && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
  }
  const body = data.length > 0 ? data.join('&') : undefined
  return {
    path: url.slice('{baseUrl}'.length),
    init: { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body },
  }
}

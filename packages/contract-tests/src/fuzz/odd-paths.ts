import fc from 'fast-check'

/** A change to a request path (the part before `?`), described for the failure message. */
export interface PathOddity {
  note: string
  apply(path: string): string
}

const unreserved = /[A-Za-z0-9_~-]/

/** Positions of `/` in a path: where segments can be doubled, inserted or traversed. */
function slashes(path: string): number[] {
  const positions: number[] = []
  for (let index = 0; index < path.length; index++) {
    if (path[index] === '/') {
      positions.push(index)
    }
  }
  return positions.length > 0 ? positions : [0]
}

function at<T>(items: T[], pick: number): T {
  return items[pick % items.length] as T
}

/** Inserts text right after the chosen `/`. */
const insertAfterSlash = (note: string, text: string) =>
  fc.nat().map<PathOddity>((pick) => ({
    note: `${note} after slash #${pick}`,
    apply: (path) => {
      const index = at(slashes(path), pick) + 1
      return `${path.slice(0, index)}${text}${path.slice(index)}`
    },
  }))

/** Replaces the chosen segment (between slashes) by what `replace` makes of it. */
const replaceSegment = (note: string, replace: (segment: string) => string) =>
  fc.nat().map<PathOddity>((pick) => ({
    note: `${note} (segment #${pick})`,
    apply: (path) => {
      const segments = path.split('/')
      const candidates = segments.map((_, index) => index).filter((index) => index > 0)
      if (candidates.length === 0) {
        return `${path}/${replace('')}`
      }
      const index = at(candidates, pick)
      segments[index] = replace(segments[index] ?? '')
      return segments.join('/')
    },
  }))

/**
 * Path changes a router must survive: doubled slashes, percent-encoding (valid, double, malformed,
 * of `/` and `.`), trailing dots and slashes, `..` traversal in every spelling, very long and
 * Unicode segments, unknown suffixes, case changes, backslashes, NUL and control characters.
 * Apply one or several; the result always starts with `/`.
 *
 * @example
 * fc.sample(pathOddity, 1)[0].apply('/events/1126.json') // '/events//1126.json'
 */
export const pathOddity: fc.Arbitrary<PathOddity> = fc.oneof(
  fc.nat().map<PathOddity>((pick) => ({
    note: `slash #${pick} doubled`,
    apply: (path) => {
      const index = at(slashes(path), pick)
      return `${path.slice(0, index)}/${path.slice(index)}`
    },
  })),
  fc
    .constantFrom(
      '/',
      '.',
      '..',
      '...',
      '/.',
      '/..',
      '.json.',
      '.html',
      '.JSON',
      '.Xml',
      '.xml.json',
      '.json.xml',
      '.php',
      '/extra',
      '.json/extra',
      ';jsessionid=1',
      '%20',
      '%00',
      '%2F',
      '%2e',
      '~',
      '.bak',
      '.xml/',
      '/.json',
      '\u00e9',
      '%',
    )
    .map<PathOddity>((suffix) => ({ note: `"${suffix}" appended`, apply: (path) => `${path}${suffix}` })),
  fc.tuple(fc.nat(), fc.boolean()).map<PathOddity>(([pick, lower]) => ({
    note: `a character percent-encoded${lower ? ' in lower-case hex' : ''} (#${pick})`,
    apply: (path) => {
      // UTF-16 indices, so slicing stays right; the characters encoded are all ASCII.
      const positions: number[] = []
      for (let index = 0; index < path.length; index++) {
        if (unreserved.test(path[index] ?? '') || path[index] === '.') {
          positions.push(index)
        }
      }
      if (positions.length === 0) {
        return path
      }
      const index = at(positions, pick)
      const code = path.charCodeAt(index).toString(16).padStart(2, '0')
      const hex = lower ? code.toLowerCase() : code.toUpperCase()
      return `${path.slice(0, index)}%${hex}${path.slice(index + 1)}`
    },
  })),
  replaceSegment('every character percent-encoded', (segment) =>
    [...new TextEncoder().encode(segment)]
      .map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)
      .join(''),
  ),
  replaceSegment('double percent-encoded', (segment) =>
    encodeURIComponent(encodeURIComponent(segment)).replace(/\./g, '%252E'),
  ),
  fc.nat().map<PathOddity>((pick) => ({
    note: `slash #${pick} encoded as %2F`,
    apply: (path) => {
      const candidates = slashes(path).filter((index) => index > 0)
      if (candidates.length === 0) {
        return `${path}%2F`
      }
      const index = at(candidates, pick)
      return `${path.slice(0, index)}%2F${path.slice(index + 1)}`
    },
  })),
  // Percent sequences and traversal break routers most: three times as likely as the rest.
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('%', '%Z1', '%E0%A4%A', '%C0%AF', '%FF', '%00', '%0A', '%25', '%u002e', '%E0%A4%A/')
      .chain((bad) => insertAfterSlash(`malformed or odd percent "${bad}" inserted`, bad)),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('../', './', '%2e%2e/', '..%2F', '.%2E/', '%2E%2E%2F', '..\\', '....//', '..;/', '../../../../')
      .chain((dots) => insertAfterSlash(`traversal "${dots}" inserted`, dots)),
  },
  fc.constantFrom('/..', '/../..', '/%2e%2e', '/./.').map<PathOddity>((dots) => ({
    note: `"${dots}" prefixed`,
    apply: (path) => `${dots}${path}`,
  })),
  fc
    .constantFrom(256, 4096, 70_000)
    .chain((size) => replaceSegment(`a ${size}-character segment`, () => 'a'.repeat(size))),
  replaceSegment('a long Unicode segment', () => 'é🙂'.repeat(3000)),
  fc
    .constantFrom('ü', '🙂', '\u202e', '\uff0e', 'İ', ' ', '\t', '\u0001', '@', ':', "!$&'()*+,;=")
    .chain((char) => insertAfterSlash(`${JSON.stringify(char)} inserted`, char)),
  replaceSegment('segment upper-cased', (segment) => segment.toUpperCase()),
  replaceSegment('segment removed', () => ''),
  fc.nat().map<PathOddity>((pick) => ({
    note: `slash #${pick} as a backslash`,
    apply: (path) => {
      const candidates = slashes(path).filter((index) => index > 0)
      if (candidates.length === 0) {
        return `${path}\\`
      }
      const index = at(candidates, pick)
      return `${path.slice(0, index)}\\${path.slice(index + 1)}`
    },
  })),
  fc.constantFrom<PathOddity>(
    { note: 'whole path upper-cased', apply: (path) => path.toUpperCase() },
    { note: 'path emptied', apply: () => '/' },
    { note: 'a version prefix', apply: (path) => `/v1${path}` },
    { note: 'everything after the first segment dropped', apply: (path) => path.split('/').slice(0, 2).join('/') },
    { note: 'segments reversed', apply: (path) => `/${path.split('/').filter(Boolean).reverse().join('/')}` },
    { note: 'a question mark inside', apply: (path) => path.replace(/\/([^/]*)$/, '/?$1') },
  ),
)

/**
 * One to three path oddities, applied in order.
 *
 * @example
 * oddPath.map((oddities) => oddities.reduce((path, oddity) => oddity.apply(path), '/events/1'))
 */
export const oddPath: fc.Arbitrary<PathOddity[]> = fc.array(pathOddity, { minLength: 1, maxLength: 3 })

/**
 * Applies oddities to a path, keeping a leading `/` so the origin never changes.
 *
 * @example
 * applyPathOddities('/events/1', [{ note: 'x', apply: (path) => `${path}/` }]) // '/events/1/'
 */
export function applyPathOddities(path: string, oddities: PathOddity[]): string {
  const result = oddities.reduce((current, oddity) => oddity.apply(current), path)
  return result.startsWith('/') || result.startsWith('\\') ? result : `/${result}`
}

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Modules that import values from each other work only while every value is used after both have
// loaded (inside a handler, say); the first top-level use breaks them. So source modules form no
// value import cycle: a sub-route file takes shared helpers from the kit or a helper module, never
// from the file that mounts it. Type-only imports vanish from the JavaScript and do not count.
const sourceRoot = dirname(fileURLToPath(import.meta.url))

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) {
      return sourceFiles(path)
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The modules a file imports values from: relative specifiers, resolved to their `.ts` files. */
function valueImports(path: string, text: string, known: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const targets: string[] = []
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      const bindings = clause?.namedBindings
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          bindings !== undefined &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((element) => element.isTypeOnly))
      specifier = typeOnly ? undefined : statement.moduleSpecifier
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause
      const typeOnly =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((element) => element.isTypeOnly)
      specifier = typeOnly ? undefined : statement.moduleSpecifier
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const base = resolve(dirname(path), specifier.text.replace(/\.js$/, ''))
      const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => known.has(candidate))
      if (target) {
        targets.push(target)
      }
    }
  }
  return targets
}

/** Every cycle found by a depth-first walk, each written as `a.ts -> b.ts -> a.ts`. */
function valueCycles(graph: ReadonlyMap<string, readonly string[]>, name: (path: string) => string): string[] {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' -> '))
      } else if (!state.has(next)) {
        visit(next)
      }
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) {
      visit(node)
    }
  }
  return cycles
}

describe('value import cycles', () => {
  it('finds a cycle, and ignores imports of types only', () => {
    const files = new Map([
      ['/x/a.ts', "import { b } from './b.js'\nimport type { C } from './c.js'\nexport const a = 1"],
      ['/x/b.ts', "import { a } from './a.js'\nexport const b = 2"],
      ['/x/c.ts', "import { type A, type B } from './a.js'\nexport { a } from './a.js'"],
      ['/x/d.ts', "import { type A } from './a.js'\nexport type { B } from './b.js'"],
    ])
    const known = new Set(files.keys())
    const graph = new Map([...files].map(([path, text]) => [path, valueImports(path, text, known)]))
    expect(graph.get('/x/d.ts')).toEqual([])
    expect(graph.get('/x/c.ts')).toEqual(['/x/a.ts'])
    expect(valueCycles(graph, (path) => path.slice(3))).toEqual(['a.ts -> b.ts -> a.ts'])
  })

  it('are absent from the simulators’ source', () => {
    const files = sourceFiles(sourceRoot)
    const known = new Set(files)
    const graph = new Map(files.map((path) => [path, valueImports(path, readFileSync(path, 'utf8'), known)]))
    expect(valueCycles(graph, (path) => relative(sourceRoot, path))).toEqual([])
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Rules from docs/decisions/hot-path.md that a diff does not show breaking, checked in the source
// itself. Hono's `c.var` makes a new object of every context variable on each access (a request
// reads several); `c.get(name)` reads one.
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

/** The lines (from 1) where code reads a context's `var` (`c.var`, `context.var`…); comments do not count. */
function contextVarLines(fileName: string, text: string): number[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const lines: number[] = []
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'var' && ts.isIdentifier(node.expression)) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return lines
}

describe('the hot path rules', () => {
  it('tell a read of c.var in code from one in a comment', () => {
    const text = "// c.var in a comment\nroutes.get('/x', (c) => c.json(c.var.request))\nc.get('request')\n"
    expect(contextVarLines('example.ts', text)).toEqual([2])
  })

  it('hold in every simulator source file: context variables are read with c.get, never c.var', () => {
    const reads = sourceFiles(sourceRoot).flatMap((path) =>
      contextVarLines(path, readFileSync(path, 'utf8')).map((line) => `${relative(sourceRoot, path)}:${line}`),
    )
    expect(reads).toEqual([])
  })
})

// `pnpm parity`: prints the parity table; `pnpm parity --write` also writes docs/parity.md.
import { writeFileSync } from 'node:fs'
import { parityMarkdown, parityRows } from './parity-table.mjs'

const markdown = parityMarkdown(await parityRows())
console.log(markdown)
if (process.argv.includes('--write')) {
  const file = new URL('../../../docs/parity.md', import.meta.url)
  writeFileSync(file, markdown)
  console.log(`wrote ${file.pathname}`)
}

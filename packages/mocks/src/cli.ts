#!/usr/bin/env node
// `contactkit-mocks [command]`: each command is its own module, loaded only when asked for, so
// starting the simulators never loads what recording or comparing needs.
const commands: Record<string, () => Promise<unknown>> = {
  start: () => import('./commands/start.js'),
  compare: () => import('./commands/compare.js'),
}

const [first] = process.argv.slice(2)
const named = first !== undefined && Object.hasOwn(commands, first)
if (named) {
  // The command's own parser reads the arguments after its name.
  process.argv.splice(2, 1)
}
await commands[named ? first : 'start']?.()

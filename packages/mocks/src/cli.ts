#!/usr/bin/env node
// `contactkit-mocks [command]`: each command is its own module, loaded only when asked for, so
// starting the simulators never loads what recording or comparing needs. A command module
// exports `run()` and awaits nothing at its top level: the standalone executable bundles the CLI
// as CommonJS, which has no top-level await.
const commands: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  start: () => import('./commands/start.js'),
  wait: () => import('./commands/wait.js'),
  record: () => import('./commands/record.js'),
  compare: () => import('./commands/compare.js'),
}

const [first] = process.argv.slice(2)
const named = first !== undefined && Object.hasOwn(commands, first)
if (named) {
  // The command's own parser reads the arguments after its name.
  process.argv.splice(2, 1)
}
void commands[named ? first : 'start']?.().then((command) => command.run())

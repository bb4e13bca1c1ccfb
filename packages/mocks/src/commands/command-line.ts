import { type ParseArgsConfig, parseArgs } from 'node:util'

/**
 * Says what is wrong on stderr and exits with 2, every command's status for bad input.
 *
 * @example
 * if (!vendor) fail(`There is no vendor "${name}"; choose one of ${names}.`)
 */
export function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/**
 * A command's arguments, read by `parseArgs`: an unknown flag or a flag without its value fails
 * with the command's usage; `-h`/`--help` (which `config` declares) prints the usage and exits 0.
 *
 * @example
 * const { values, positionals } = commandLine({ options: { help: { type: 'boolean', short: 'h' } } }, usage)
 */
export function commandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>
  try {
    parsed = parseArgs(config)
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`)
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage)
    process.exit(0)
  }
  return parsed
}

/**
 * Stops a long-running command on SIGINT or SIGTERM, once however many signals come: `stop`
 * closes what it started, then the process exits 0.
 *
 * @example
 * stopOnSignals(async () => { await server.close(); console.log('stopped.') })
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) {
        return
      }
      stopping = true
      await stop()
      process.exit(0)
    })
  }
}

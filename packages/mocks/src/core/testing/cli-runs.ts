import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

/** The built CLI, as `contactkit-mocks` runs it; turbo builds the package before its tests. */
export const builtCli = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url))

/** Where and how a CLI process starts. */
export interface CliRunOptions {
  /** Added to the test's own environment. */
  env?: Record<string, string>
  /** Default: the test's working directory. */
  cwd?: string
}

/** A CLI process a test started, and what it printed so far. */
export interface CliRun {
  child: ChildProcess
  /** Everything printed on stdout and stderr, in the order it came. */
  output(): string
  /** Resolves once the output matches (it arrives in chunks); rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>
  /** The URL the CLI prints after a name at the start of a line (`cloudsponge  http://…`, `recording  http://…`). */
  urlOf(name: string): Promise<string>
  /** The exit code, once the process has exited and its output is read (null when a signal ended it). */
  exited(): Promise<number | null>
}

/**
 * The `contactkit-mocks` processes of a test file: each started with the built CLI, all killed by
 * `killAll()` in the file's `afterEach`, so that a failed test leaves no server behind.
 *
 * @example
 * const runs = new CliRuns()
 * afterEach(() => runs.killAll())
 * const run = runs.start(['record', 'aurinko', '--upstream', url, '--port', '0'])
 * const proxyUrl = await run.urlOf('recording')
 */
export class CliRuns {
  readonly #children: ChildProcess[] = []

  start(args: string[], options: CliRunOptions = {}): CliRun {
    const child = spawn(process.execPath, [builtCli, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    })
    this.#children.push(child)
    let output = ''
    const listeners = new Set<() => void>()
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk) => {
        output += chunk
        for (const listener of listeners) {
          listener()
        }
      })
    }
    // 'close', not 'exit': by then everything the process printed has been read.
    const exit = once(child, 'close').then(([code]) => code as number | null)
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output)
          if (match) {
            listeners.delete(check)
            resolve(match)
          }
        }
        listeners.add(check)
        void exit.then((code) => {
          listeners.delete(check)
          reject(new Error(`exited ${code} before ${pattern}: ${output}`))
        })
        check()
      })
    return {
      child,
      output: () => output,
      waitFor,
      urlOf: async (name) => (await waitFor(new RegExp(`^${name}\\s+(https?://\\S+)`, 'm')))[1] ?? '',
      exited: () => exit,
    }
  }

  /** Kills every process still running. */
  killAll(): void {
    for (const child of this.#children.splice(0)) {
      child.kill('SIGKILL')
    }
  }
}

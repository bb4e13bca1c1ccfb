// Start-up measured from outside: spawn a server process and ask it until it answers 200.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { cpuMs } from './process-usage.mjs'

/** Kills a child process that is still running and waits for it to go. */
export async function stop(child) {
  if (child.exitCode === null) {
    child.kill('SIGKILL')
    await once(child, 'exit')
  }
}

/** A port free a moment ago, for a server that takes its port as an argument. */
export async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

function statusOf(url) {
  return new Promise((resolve) => {
    get(url, (response) => {
      response.resume()
      resolve(response.statusCode)
    }).on('error', () => resolve(0))
  })
}

/** Wall-clock and CPU milliseconds from spawning `command args` to its first 200 at `url`; then stops it. */
export async function timeToFirst200(command, args, url) {
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'ignore' })
  while ((await statusOf(url)) !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const ms = performance.now() - started
  const cpu = cpuMs(child.pid)
  await stop(child)
  return { ms, cpu }
}

// What a benchmark server process has used, read from /proc (Linux): CPU time and peak memory.
import { readFileSync } from 'node:fs'

/** User and system CPU time a process has used so far, in ms (10 ms resolution). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** The most resident memory a process has held so far, in MB. */
export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

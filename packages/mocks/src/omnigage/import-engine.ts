/**
 * The import engine (CSV and XLSX reading, phone validation, mapping), loaded on the first import
 * rather than with the simulator: libphonenumber-js, read-excel-file and csv-parse take some 200 ms
 * to load, which every start of the CLI would otherwise pay for simulators that may never import.
 *
 * @example
 * const { previewFile } = await importEngine()
 */
export function importEngine(): Promise<typeof import('./import/index.js')> {
  engine ??= import('./import/index.js')
  return engine
}

let engine: Promise<typeof import('./import/index.js')> | undefined

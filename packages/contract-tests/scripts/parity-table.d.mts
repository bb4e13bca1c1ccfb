/** One spec operation's parity with its vendor. */
export interface ParityRow {
  vendor: string
  operationId: string
  /** `GET /v1/contacts/{contId}` */
  operation: string
  simulated: boolean
  /** Contract suites whose answers included it: `aurinko.contract.test.ts`. */
  contractSuites: string[]
  recordings: number
  exchanges: number
  /** ISO 8601 time of the newest recorded exchange. */
  newest: string | undefined
  drift: number
  accepted: number
}

/** Every vendor's operations with their parity, in spec order. */
export function parityRows(): Promise<ParityRow[]>

/** The table as Markdown, one section per vendor. */
export function parityMarkdown(rows: ParityRow[]): string

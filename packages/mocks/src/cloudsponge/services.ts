/** How an import begins: the three begin_import methods. */
export type ImportMethod = 'import' | 'user_consent' | 'desktop_applet'

export interface ServiceInfo {
  /** Upper-case service code, as CloudSponge reports it. */
  code: string
  methods: ImportMethod[]
  /** What user_consent reports as `import_type` for this service. */
  importType: 'OAUTH' | 'CSV'
}

// Service codes seen in the vendor's docs and in client libraries; matching is case-insensitive.
const services: ServiceInfo[] = [
  { code: 'ICLOUD', methods: ['import'], importType: 'OAUTH' },
  { code: 'PLAXO', methods: ['import'], importType: 'OAUTH' },
  { code: 'MAIL_RU', methods: ['import'], importType: 'OAUTH' },
  { code: 'AOL', methods: ['import', 'user_consent'], importType: 'OAUTH' },
  { code: 'GMAIL', methods: ['user_consent'], importType: 'OAUTH' },
  { code: 'YAHOO', methods: ['user_consent'], importType: 'OAUTH' },
  { code: 'WINDOWSLIVE', methods: ['user_consent'], importType: 'OAUTH' },
  { code: 'OFFICE365', methods: ['user_consent'], importType: 'OAUTH' },
  { code: 'OUTLOOK', methods: ['user_consent', 'desktop_applet'], importType: 'OAUTH' },
  { code: 'CSV', methods: ['user_consent'], importType: 'CSV' },
  { code: 'ADDRESSBOOK', methods: ['desktop_applet'], importType: 'OAUTH' },
]

/**
 * Finds a service by code for a method, or says why not in a sentence.
 *
 * @example
 * findService('gmail', 'user_consent') // { code: 'GMAIL', … }
 * findService('gmail', 'import') // 'GMAIL does not support /begin_import/import; use one of: user_consent.'
 */
export function findService(code: string, method: ImportMethod): ServiceInfo | string {
  const service = services.find((candidate) => candidate.code === code.trim().toUpperCase())
  if (!service) {
    const known = services.filter((candidate) => candidate.methods.includes(method)).map((candidate) => candidate.code)
    return `unknown service "${code}"; /begin_import/${method} takes one of: ${known.join(', ')}`
  }
  if (!service.methods.includes(method)) {
    return `${service.code} does not support /begin_import/${method}; use one of: ${service.methods.join(', ')}`
  }
  return service
}

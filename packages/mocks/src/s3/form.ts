/** The variable S3 replaces with the uploaded file's name in every field of a form. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, not a template
export const filenameVariable = '${filename}'

/** One text field of a POST form, its name as the client wrote it. */
export interface FormField {
  name: string
  value: string
}

/**
 * The text fields of a POST form before its file, read as S3 reads them: names without regard to
 * case, and the values of a name that comes more than once joined with commas.
 *
 * @example
 * const form = new PostForm([{ name: 'Policy', value: 'eyJ…' }])
 * form.get('policy') // 'eyJ…'
 */
export class PostForm {
  readonly fields: readonly FormField[]
  readonly #byName = new Map<string, string[]>()

  constructor(fields: readonly FormField[]) {
    this.fields = fields
    for (const field of fields) {
      const name = field.name.toLowerCase()
      const values = this.#byName.get(name)
      if (values) {
        values.push(field.value)
      } else {
        this.#byName.set(name, [field.value])
      }
    }
  }

  /** The field's value (values joined with commas), whatever the case of its name; undefined when absent. */
  get(name: string): string | undefined {
    return this.#byName.get(name.toLowerCase())?.join(',')
  }

  has(name: string): boolean {
    return this.#byName.has(name.toLowerCase())
  }

  /** Each field name once, lower-cased, in the order the form first gives it. */
  names(): string[] {
    return [...this.#byName.keys()]
  }

  /** The name as the client first wrote it. */
  nameAsSent(lowerName: string): string {
    return this.fields.find((field) => field.name.toLowerCase() === lowerName)?.name ?? lowerName
  }

  /**
   * The form with `${filename}` in every value replaced by the uploaded file's name: the text
   * after its last `/` or `\`, or nothing when the file has no name.
   *
   * @example
   * form.withFilename('C:\\Users\\ann\\contacts.csv').get('key') // 'uploads/contacts.csv'
   */
  withFilename(filename: string | undefined): PostForm {
    const base = fileBaseName(filename)
    return new PostForm(
      this.fields.map((field) => ({ name: field.name, value: field.value.replaceAll(filenameVariable, base) })),
    )
  }
}

/**
 * The part of a file name S3 keeps for `${filename}`: the text after the last `/` or `\`.
 *
 * @example
 * fileBaseName('C:\\fakepath\\contacts.csv') // 'contacts.csv'
 */
export function fileBaseName(filename: string | undefined): string {
  if (!filename) {
    return ''
  }
  return filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
}

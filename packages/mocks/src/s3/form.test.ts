import { describe, expect, it } from 'vitest'
import { fileBaseName, PostForm } from './form.js'

// A POST form's fields as S3 reads them: names in any case, repeated names joined with commas,
// and `${filename}` replaced by the file's base name.

const form = (...fields: Array<[string, string]>) => new PostForm(fields.map(([name, value]) => ({ name, value })))

describe('PostForm', () => {
  it('reads a name in any case, joining the values of a repeated one with commas', () => {
    const fields = form(['X-Amz-Meta-Tag', 'a'], ['acl', 'private'], ['x-amz-meta-tag', 'b'])
    expect(fields.get('x-amz-meta-TAG')).toBe('a,b')
    expect(fields.get('ACL')).toBe('private')
    expect(fields.get('key')).toBeUndefined()
    expect(fields.has('Acl')).toBe(true)
    expect(fields.names()).toEqual(['x-amz-meta-tag', 'acl'])
  })

  it('gives a name as the client first wrote it, or as asked when the form lacks it', () => {
    const fields = form(['X-Amz-Meta-Tag', 'a'], ['x-amz-meta-tag', 'b'])
    expect(fields.nameAsSent('x-amz-meta-tag')).toBe('X-Amz-Meta-Tag')
    expect(fields.nameAsSent('x-amz-meta-other')).toBe('x-amz-meta-other')
  })

  it('puts the base name of the file in place of the filename variable, and nothing for a file without a name', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder
    const fields = form(['key', 'uploads/${filename}'], ['acl', 'private'])
    expect(fields.withFilename('C:\\Users\\ann\\contacts.csv').get('key')).toBe('uploads/contacts.csv')
    expect(fields.withFilename(undefined).get('key')).toBe('uploads/')
    expect(form(['key', 'uploads/a.csv']).withFilename('b.csv').get('key')).toBe('uploads/a.csv')
    expect(fileBaseName('dir/sub\\name.csv')).toBe('name.csv')
    expect(fileBaseName('')).toBe('')
  })
})

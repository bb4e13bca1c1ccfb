import type { Upload } from '../omnigage/s3-upload.js'

/**
 * An Omnigage upload as the API hands it out, posting to a test bucket with a key that keeps S3's
 * `${filename}` placeholder; tests change only what they are about.
 *
 * @example
 * const upload = testUpload({ id: 'up-2' })
 * upload.attributes['request-url'] // 'https://bucket.s3.test/'
 */
export function testUpload(overrides: { id?: string; formData?: Record<string, string>[] } = {}): Upload {
  return {
    type: 'uploads',
    id: overrides.id ?? 'up-1',
    attributes: {
      'expires-at': 'Fri, 28 Feb 2020 21:27:24 GMT',
      'max-length-in-bytes': 5368724480,
      'request-url': 'https://bucket.s3.test/',
      'request-method': 'post',
      'request-headers': [],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent literally
      'request-form-data': overrides.formData ?? [{ key: 'uploads/${filename}' }],
    },
  }
}

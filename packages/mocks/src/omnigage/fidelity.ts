import type { FidelitySettings } from '../core/fidelity.js'

/**
 * How `contactkit-mocks compare` replays Omnigage recordings: the S3 simulator runs beside it (an
 * upload's form posts there), the Basic pair is the token key and secret, JSON:API's `type` is a
 * word of the API, and the fields of the S3 form an upload hands out are bound to that upload.
 */
export const omnigageFidelity: FidelitySettings = {
  peers: ['s3'],
  credentials: { basic: ['token key', 'token secret'], defaultScheme: 'basic' },
  vocabulary: ['type'],
  volatileKeys: /^(key|AWSAccessKeyId|x-amz-.*)$/i,
}

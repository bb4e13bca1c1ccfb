import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import type { BodyDecoder } from '../conformance.js'

/** CloudSponge bodies for conformance checks: JSON, or Rails XML decoded into the same shapes. */
export const decodeCloudSponge: BodyDecoder = (mediaType, text) =>
  mediaType.endsWith('xml') ? decodeRailsXml(text) : mediaType.endsWith('json') ? JSON.parse(text) : text

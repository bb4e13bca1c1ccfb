export * from '../../core/errors.js'
export * from './client.js'
export { readRolodexError } from './errors.js'

// `@contactkit/clients/testing`: the client of Rolodex, the made-up vendor that
// docs/adding-a-vendor.md is followed for (its spec is `@contactkit/specs/testing`, its simulator
// `@contactkit/mocks/testing`), built with the clients' own factory as every vendor's client is.
export {
  type Card,
  createRolodexClient,
  type NewCard,
  type RolodexClient,
  type RolodexClientOptions,
  readRolodexError,
} from './testing/rolodex/index.js'

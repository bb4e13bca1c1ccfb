import type { OpenApiDocument } from '@contactkit/specs'
import { type ModelOperation, openApiModel, type ParameterLocation } from '@contactkit/specs/openapi-model'
import { flattenSchema, type JsonSchema } from './flat-schema.js'

export type { ParameterLocation, SecurityScheme } from '@contactkit/specs/openapi-model'

/** One parameter of an operation, its schema flattened for generators. */
export interface OperationParameter {
  name: string
  in: ParameterLocation
  required: boolean
  schema: JsonSchema
}

/** The request body of an operation: whether it is required, and its flattened schema per media type. */
export interface OperationBody {
  required: boolean
  media: { type: string; schema: JsonSchema }[]
}

/** One operation of the document as the request generator reads it: the model's, schemas flattened. */
export interface ApiOperation extends Pick<ModelOperation, 'operationId' | 'method' | 'pathTemplate' | 'security'> {
  parameters: OperationParameter[]
  body?: OperationBody
  /** The response keys the operation declares: `200`, `4XX`, `default`. */
  responses: string[]
}

/**
 * Lists every operation of an OpenAPI 3.1 document as the specs' OpenAPI model reads it (path-item
 * parameters merged, request bodies by media type, security alternatives), with every schema
 * flattened so that generators see plain `properties`, `required`, `enum` and ranges.
 *
 * @example
 * const operations = listOperations(cloudspongeDocument)
 * operations.find((operation) => operation.operationId === 'getEvents')?.pathTemplate // '/events/{import_id}'
 */
export function listOperations(document: OpenApiDocument): ApiOperation[] {
  return openApiModel(document).operations.map((operation) => ({
    operationId: operation.operationId,
    method: operation.method,
    pathTemplate: operation.pathTemplate,
    security: operation.security,
    parameters: operation.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required,
      schema: flattenSchema(document, parameter.schema),
    })),
    body: operation.requestBody && {
      required: operation.requestBody.required,
      media: operation.requestBody.media.map((media) => ({
        type: media.type,
        schema: flattenSchema(document, media.schema),
      })),
    },
    responses: operation.responses.map((response) => response.key),
  }))
}

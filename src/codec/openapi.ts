// The OpenAPI 3.0 document of the REST face, derived from the same contract data as the WSDL:
// one path + method per served operation, `<Op>Request` / `<Op>Response` bodies made of the
// SOAP wrapper elements, and the flat fault object (discriminated by `Type`) on error statuses.
import { faults, type RestStatus } from '../contract/faults.js';
import type { OperationName } from '../contract/values.js';
import { componentSchemas, DISCRIMINATOR, objectSchema, schemaRef, type JsonObject } from './openapi-schemas.js';
import { OPERATION_SUMMARIES } from './openapi-summaries.js';
import { canonicalOperations, FAULT_ROOTS, OPERATION_DEFS, reachableTypes } from './reachable-types.js';

export type { Json, JsonObject } from './openapi-schemas.js';

export interface OpenApiOptions {
  /** The operations to describe; order and duplicates do not matter. */
  readonly operations: readonly OperationName[];
  /** The base URL clients call (paths start with /CustomerManagement/v13/). */
  readonly serverUrl: string;
}

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject;
  servers: JsonObject[];
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
}

const JSON_TYPE = 'application/json';
const TRACKING_HEADER: JsonObject = {
  TrackingId: { description: 'Identifies the call in the server log.', schema: { type: 'string' } },
};

/** The SDKs send these on every call; the ids may be absent or the literal text "None". */
const HEADER_PARAMETERS: Record<string, JsonObject> = {
  DeveloperToken: { name: 'DeveloperToken', in: 'header', required: true, schema: { type: 'string' } },
  CustomerId: { name: 'CustomerId', in: 'header', required: false, schema: { type: 'string' } },
  CustomerAccountId: { name: 'CustomerAccountId', in: 'header', required: false, schema: { type: 'string' } },
};

// OpenAPI 3.0 ignores a header *parameter* named Authorization; a bearer security scheme is how
// the document says "Authorization: Bearer <OAuth access token>".
const SECURITY_SCHEMES: Record<string, JsonObject> = {
  BearerAuth: { type: 'http', scheme: 'bearer', description: 'Microsoft Advertising OAuth access token.' },
};

/**
 * One response object per error status: the statuses the SDKs read fault bodies from (400, 401,
 * 403, 500) plus every status the fault catalogue answers with, each listing its codes.
 */
function faultResponses(): Record<string, JsonObject> {
  const byStatus = new Map<RestStatus, string[]>([[400, []], [401, []], [403, []], [500, []]]);
  for (const [name, f] of Object.entries(faults)) {
    byStatus.set(f.status, [...(byStatus.get(f.status) ?? []), `${f.code} ${name} (${f.kind})`]);
  }
  const union: JsonObject = {
    oneOf: FAULT_ROOTS.map((t) => schemaRef(t)),
    discriminator: { propertyName: DISCRIMINATOR, mapping: Object.fromEntries(FAULT_ROOTS.map((t) => [t, `#/components/schemas/${t}`])) },
  };
  const out: Record<string, JsonObject> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const codes = byStatus.get(status)!;
    out[`Fault${status}`] = {
      description: codes.length > 0 ? `A fault object. Codes: ${codes.join('; ')}.` : 'A fault object.',
      headers: TRACKING_HEADER,
      content: { [JSON_TYPE]: { schema: union } },
    };
  }
  return out;
}

export function writeOpenApi(options: OpenApiOptions): OpenApiDocument {
  const ops = canonicalOperations(options.operations);
  const schemas: Record<string, JsonObject> = {};
  const paths: Record<string, Record<string, JsonObject>> = {};
  const responses = faultResponses();
  for (const op of ops) {
    const def = OPERATION_DEFS[op];
    schemas[`${op}Request`] = objectSchema(def.request);
    schemas[`${op}Response`] = objectSchema(def.response);
    const path = (paths[def.path] ??= {});
    const method = def.method.toLowerCase();
    if (path[method]) throw new Error(`contract: ${def.method} ${def.path} is routed twice`);
    path[method] = {
      operationId: op,
      summary: OPERATION_SUMMARIES[op],
      tags: ['CustomerManagementService'],
      parameters: Object.keys(HEADER_PARAMETERS).map((p) => ({ $ref: `#/components/parameters/${p}` })),
      // Every REST call carries a JSON body, DELETE included (the SDKs send one).
      requestBody: { required: true, content: { [JSON_TYPE]: { schema: schemaRef(`${op}Request`) } } },
      responses: {
        200: { description: 'Success.', headers: TRACKING_HEADER, content: { [JSON_TYPE]: { schema: schemaRef(`${op}Response`) } } },
        ...Object.fromEntries(Object.keys(responses).map((r) => [r.slice('Fault'.length), { $ref: `#/components/responses/${r}` }])),
      },
    };
  }
  for (const [name, schema] of Object.entries(componentSchemas(reachableTypes(ops)))) {
    if (name in schemas) throw new Error(`contract: type ${name} collides with an operation wrapper`);
    schemas[name] = schema;
  }
  const doc: OpenApiDocument = {
    openapi: '3.0.3',
    info: {
      title: 'Microsoft Advertising Customer Management API (adcenter emulator)',
      version: '13.0',
      description: 'REST face of the Customer Management service v13, as served by this emulator.',
    },
    servers: [{ url: options.serverUrl }],
    security: [{ BearerAuth: [] }],
    tags: [{ name: 'CustomerManagementService' }],
    paths,
    components: { schemas, parameters: HEADER_PARAMETERS, responses, securitySchemes: SECURITY_SCHEMES },
  };
  // Shared constants are in the tree; a copy keeps a caller's edits from leaking into later calls.
  return structuredClone(doc);
}

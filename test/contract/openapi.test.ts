// Sanity checks of the OpenAPI document of the REST face against the contract and the JSON
// conventions the official REST SDKs rely on (long as string, plain arrays, flags as one string).
import { describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import assert from 'node:assert/strict';
import { arrayItem, type ElementDef } from '../../src/contract/model.js';
import { jsonName } from '../../src/contract/lookup.js';
import type { OperationName, TypeName } from '../../src/contract/values.js';
import { writeOpenApi, type Json, type JsonObject } from '../../src/codec/openapi.js';
import { ALL_OPERATIONS, OPERATION_DEFS, reachableTypes, TYPE_DEFS } from '../../src/codec/reachable-types.js';

const doc = writeOpenApi({ operations: ALL_OPERATIONS, serverUrl: 'http://localhost:8080' });
const schemas = doc.components.schemas;

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
function obj(v: Json | undefined, what: string): JsonObject {
  assert.ok(isObject(v), `${what} is an object`);
  return v;
}
const propsOf = (schemaName: string): JsonObject => obj(obj(schemas[schemaName], schemaName).properties, `${schemaName}.properties`);

/** Follows `$ref`s and the `allOf: [$ref]` + nullable wrapper to the schema actually meant. */
function deref(schema: JsonObject): JsonObject {
  if (typeof schema.$ref === 'string') return deref(resolvePointer(schema.$ref));
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return deref(obj(schema.allOf[0], 'allOf[0]'));
  return schema;
}
function resolvePointer(ref: string): JsonObject {
  assert.ok(ref.startsWith('#/'), `local reference ${ref}`);
  let at: Json = doc;
  for (const part of ref.slice(2).split('/')) {
    assert.ok(isObject(at) && part in at, `${ref} resolves (at ${part})`);
    at = at[part]!;
  }
  return obj(at, ref);
}
function* walk(v: Json, path: string): Generator<[string, JsonObject]> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* walk(x, `${path}[${i}]`);
  else if (isObject(v)) {
    yield [path, v];
    for (const [k, x] of Object.entries(v)) yield* walk(x, `${path}.${k}`);
  }
}

/** Every (schema name, element) pair the contract puts in JSON objects. */
const allFields: [string, ElementDef][] = [
  ...ALL_OPERATIONS.flatMap((op) => [
    ...OPERATION_DEFS[op].request.map((f): [string, ElementDef] => [`${op}Request`, f]),
    ...OPERATION_DEFS[op].response.map((f): [string, ElementDef] => [`${op}Response`, f]),
  ]),
  ...(Object.keys(TYPE_DEFS) as TypeName[]).flatMap((t) => {
    const def = TYPE_DEFS[t];
    return def.kind === 'complex' && !arrayItem(def) ? def.fields.map((f): [string, ElementDef] => [t, f]) : [];
  }),
];

describe('OpenAPI document of the REST face', () => {
  it('is OpenAPI 3.0 with the given server and is deterministic', () => {
    assert.equal(doc.openapi, '3.0.3');
    assert.deepEqual(doc.servers, [{ url: 'http://localhost:8080' }]);
    assert.equal(JSON.stringify(writeOpenApi({ operations: [...ALL_OPERATIONS].reverse(), serverUrl: 'http://localhost:8080' })), JSON.stringify(doc));
  });

  it('has every operation at its contract path and method, once', () => {
    const seen: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) seen.push(`${method.toUpperCase()} ${path} ${String(op.operationId)}`);
    }
    const expected = ALL_OPERATIONS.map((op) => `${OPERATION_DEFS[op].method} ${OPERATION_DEFS[op].path} ${op}`);
    assert.deepEqual(seen.sort(), expected.sort());
    assert.equal(seen.length, 39);
  });

  it('describes only the operations given, and the types they reach', () => {
    const subset: OperationName[] = ['FindAccounts', 'GetUser'];
    const small = writeOpenApi({ operations: subset, serverUrl: 'http://h' });
    const ops = Object.values(small.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    assert.deepEqual(ops.sort(), [...subset].sort());
    assert.ok(!('AdvertiserAccount' in small.components.schemas));
    for (const t of reachableTypes(subset)) {
      if (!arrayItem(TYPE_DEFS[t])) assert.ok(t in small.components.schemas, t);
    }
  });

  it('request and response bodies are the wrapper elements, named as in the WSDL', () => {
    for (const op of ALL_OPERATIONS) {
      assert.deepEqual(Object.keys(propsOf(`${op}Request`)), OPERATION_DEFS[op].request.map((f) => f.name), op);
      assert.deepEqual(Object.keys(propsOf(`${op}Response`)), OPERATION_DEFS[op].response.map((f) => f.name), op);
    }
    // .NET's JSON names for KeyValuePair members are Key/Value (the SOAP names are key/value).
    assert.deepEqual(Object.keys(propsOf('KeyValuePairOfstringstring')), ['Key', 'Value']);
    assert.deepEqual(Object.keys(propsOf('KeyValueEntityOflongint')), ['Key', 'Value']);
  });

  it('xs:long is a string with format int64, everywhere', () => {
    for (const [owner, f] of allFields.filter(([, f]) => f.type === 'long')) {
      const s = obj(propsOf(owner)[jsonName(f)], `${owner}.${f.name}`);
      assert.equal(s.type, 'string', `${owner}.${f.name}`);
      assert.equal(s.format, 'int64', `${owner}.${f.name}`);
      assert.equal(s.nullable === true, f.opts.nillable === true, `${owner}.${f.name} nullable`);
    }
    const arrayOfLong = obj(propsOf('UpdateUserRolesRequest').NewAccountIds, 'NewAccountIds');
    assert.deepEqual(arrayOfLong.items, { type: 'string', format: 'int64' });
    for (const [path, s] of walk(doc, 'doc')) assert.ok(!(s.format === 'int64' && s.type !== 'string'), path);
  });

  it('int and unsignedByte are integers, decimal a number, dateTime and base64Binary strings', () => {
    const expected: Record<string, [string, string | undefined]> = {
      int: ['integer', 'int32'], unsignedByte: ['integer', 'int32'], decimal: ['number', undefined],
      boolean: ['boolean', undefined], dateTime: ['string', 'date-time'], base64Binary: ['string', 'byte'], string: ['string', undefined],
    };
    for (const [owner, f] of allFields.filter(([, f]) => f.type in expected)) {
      const s = obj(propsOf(owner)[jsonName(f)], `${owner}.${f.name}`);
      assert.deepEqual([s.type, s.format], expected[f.type], `${owner}.${f.name}`);
    }
  });

  it('ArrayOf… fields are plain JSON arrays of the item, with no wrapper schemas', () => {
    const accountsInfo = obj(propsOf('GetAccountsInfoResponse').AccountsInfo, 'AccountsInfo');
    assert.equal(accountsInfo.type, 'array');
    assert.equal(deref(obj(accountsInfo.items, 'items')), schemas.AccountInfo);
    for (const [owner, f] of allFields.filter(([, f]) => f.type in TYPE_DEFS && arrayItem(TYPE_DEFS[f.type as TypeName]))) {
      assert.equal(obj(propsOf(owner)[jsonName(f)], `${owner}.${f.name}`).type, 'array', `${owner}.${f.name}`);
    }
    assert.deepEqual(Object.keys(schemas).filter((n) => n.startsWith('ArrayOf')), []);
    const partial = obj(propsOf('AddClientLinksResponse').PartialErrors, 'PartialErrors');
    assert.equal(obj(partial.items, 'PartialErrors.items').type, 'array', 'an array of arrays');
  });

  it('enums are string enums and flags one comma+space separated string', () => {
    assert.deepEqual(schemas.SortOrder, { type: 'string', enum: ['Ascending', 'Descending'] });
    const flags = obj(schemas.AccountAdditionalField, 'AccountAdditionalField');
    assert.equal(flags.type, 'string');
    assert.ok(!('enum' in flags) && !('items' in flags));
    const pattern = new RegExp(String(flags.pattern));
    assert.ok(pattern.test('TaxCertificate, AccountMode'));
    assert.ok(pattern.test('CouponClaimInfo'));
    assert.ok(!pattern.test('TaxCertificate AccountMode'));
    assert.equal(deref(obj(propsOf('GetAccountRequest').ReturnAdditionalFields, 'ReturnAdditionalFields')).type, 'string');
  });

  it('error statuses carry the flat fault object discriminated by Type', () => {
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        const responses = obj(op.responses, 'responses');
        for (const status of ['400', '401', '403', '500']) {
          const r = deref(obj(responses[status], `${String(op.operationId)} ${status}`));
          const schema = obj(obj(obj(r.content, 'content')['application/json'], 'json').schema, 'schema');
          assert.deepEqual(obj(schema.discriminator, 'discriminator').propertyName, 'Type');
        }
      }
    }
    assert.deepEqual(Object.keys(propsOf('AdApiFaultDetail')), ['TrackingId', 'Type', 'Errors']);
    assert.deepEqual(Object.keys(propsOf('ApiFault')), ['TrackingId', 'Type', 'OperationErrors']);
    assert.deepEqual(Object.keys(propsOf('AdApiError')), ['Code', 'Detail', 'ErrorCode', 'Message']);
    assert.deepEqual(Object.keys(propsOf('OperationError')), ['Code', 'Details', 'Message']);
    assert.equal(obj(propsOf('AdApiError').Code, 'Code').type, 'integer');
    assert.equal(deref(obj(obj(propsOf('ApiFault').OperationErrors, 'OperationErrors').items, 'items')), schemas.OperationError);
  });

  it('declares the authentication and account headers', () => {
    const params = doc.components.parameters;
    assert.deepEqual(Object.values(params).map((p) => [p.name, p.in]),
      [['DeveloperToken', 'header'], ['CustomerId', 'header'], ['CustomerAccountId', 'header']]);
    assert.deepEqual(doc.components.securitySchemes.BearerAuth, {
      type: 'http', scheme: 'bearer', description: 'Microsoft Advertising OAuth access token.',
    });
    assert.deepEqual(doc.security, [{ BearerAuth: [] }]);
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) assert.equal((op.parameters as Json[]).length, 3);
    }
  });

  it('passes a real OpenAPI 3 validator (@apidevtools/swagger-parser), all 39 operations and any subset', async () => {
    // validate() dereferences in place, so it gets copies.
    await SwaggerParser.validate(structuredClone(doc) as never);
    await SwaggerParser.validate(structuredClone(writeOpenApi({ operations: ['ValidateAddress', 'GetNotifications'], serverUrl: 'http://h' })) as never);
  });

  it('the validator is able to fail', async () => {
    const broken = structuredClone(doc);
    (broken.paths as Record<string, unknown>)['/x'] = { get: { responses: { 200: { $ref: '#/components/responses/Nope' } } } };
    await assert.rejects(SwaggerParser.validate(broken as never));
  });

  it('has a summary for every operation', () => {
    let n = 0;
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        assert.equal(typeof op.summary, 'string', String(op.operationId));
        assert.ok((op.summary as string).length > 10, String(op.operationId));
        n += 1;
      }
    }
    assert.equal(n, 39);
  });

  it('every nullable schema names its type beside it (OpenAPI 3.0.3)', () => {
    let n = 0;
    for (const [path, s] of walk(doc, 'doc')) {
      if (!('nullable' in s)) continue;
      n += 1;
      assert.equal(typeof s.type, 'string', `${path} has a type beside nullable`);
      if (Array.isArray(s.allOf)) {
        const target = deref(s);
        const expected = target.type === 'string' ? 'string' : 'object';
        assert.equal(s.type, expected, path);
      }
    }
    assert.ok(n > 100);
    assert.deepEqual(propsOf('ValidateAddressRequest').Address, { type: 'object', allOf: [{ $ref: '#/components/schemas/Address' }], nullable: true });
    assert.equal(obj(propsOf('AdvertiserAccount').CurrencyCode, 'CurrencyCode').type, 'string');
  });

  it('every $ref resolves', () => {
    let refs = 0;
    for (const [path, s] of walk(doc, 'doc')) {
      if (typeof s.$ref !== 'string') continue;
      refs += 1;
      assert.doesNotThrow(() => resolvePointer(s.$ref as string), path);
    }
    assert.ok(refs > 100);
  });
});

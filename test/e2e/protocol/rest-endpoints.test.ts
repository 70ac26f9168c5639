// The REST service's own endpoints: the JSON landing document, /health and openapi.json.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useAccountsWorld } from '../../support/accounts-world.js';
import { rest } from '../../support/clients.js';
import { V13 } from '../../support/rest-assert.js';
import type { RunningServer } from '../../support/server.js';
import { operationDef } from '../../../src/contract/lookup.js';
import { implementedOperations } from '../../../src/domain/operations.js';

const world = useAccountsWorld();
let server: RunningServer;
before(async () => { await world.started(); ({ server } = world); });

describe('REST service endpoints', () => {
  it('GET / is a JSON landing document listing the endpoints, each of which answers', async () => {
    const res = await rest(server.url, 'GET', '/', undefined);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const endpoints = res.body.endpoints as Record<string, string>;
    assert.equal(endpoints.soap, '/Api/CustomerManagement/v13/CustomerManagementService.svc');
    assert.equal(endpoints.rest, `${V13}/`);
    assert.equal(endpoints.openapi, `${V13}/openapi.json`);
    assert.equal(endpoints.health, '/health');
    assert.equal(res.body.environment, 'sandbox');
    const wsdl = await fetch(`${server.url}${endpoints.wsdl}`);
    assert.equal(wsdl.status, 200);
    assert.match(await wsdl.text(), /<(wsdl:)?definitions[\s>]/);
    assert.equal((await fetch(`${server.url}${endpoints.openapi}`)).status, 200);
    assert.equal((await fetch(`${server.url}${endpoints.health}`)).status, 200);
  });

  it('GET /health answers {status: ok, store: ok}', async () => {
    const res = await rest(server.url, 'GET', '/health', undefined);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', store: 'ok' });
  });

  it('GET openapi.json describes each implemented operation at its documented path, with longs typed string/int64', async () => {
    const res = await rest(server.url, 'GET', `${V13}/openapi.json`, undefined);
    assert.equal(res.status, 200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } };
    assert.match(doc.openapi, /^3\./);
    const expected: Array<[string, string, string]> = [
      ['AddAccount', 'post', '/Account'], ['UpdateAccount', 'put', '/Account'], ['GetAccount', 'post', '/Account/Query'],
      ['FindAccounts', 'post', '/Accounts/Find'], ['GetAccountsInfo', 'post', '/AccountsInfo/Query'],
      ['GetUser', 'post', '/User/Query'], ['GetCurrentUser', 'post', '/CurrentUser/Query'], ['SearchAccounts', 'post', '/Accounts/Search'],
    ];
    for (const [op, method, path] of expected) {
      assert.equal(doc.paths[`${V13}${path}`]?.[method]?.operationId, op, `${method.toUpperCase()} ${path} is ${op}`);
    }
    // Exactly the operations the server serves (more are being implemented over time), each at its contract route.
    const served = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, o]) => `${o.operationId} ${method.toUpperCase()} ${path}`)).sort();
    const implemented = implementedOperations.map((op) => `${op} ${operationDef(op).method} ${operationDef(op).path}`).sort();
    assert.deepEqual(served, implemented, 'the implemented operations, and only those, are described');
    const schemas = doc.components.schemas;
    const typeOf = (schema: string, prop: string): Record<string, unknown> => {
      const p = schemas[schema]?.properties?.[prop];
      assert.ok(p, `${schema}.${prop} is described`);
      return p;
    };
    for (const [schema, prop] of [
      ['AdvertiserAccount', 'Id'], ['AdvertiserAccount', 'ParentCustomerId'], ['AdvertiserAccount', 'PaymentMethodId'],
      ['AdvertiserAccount', 'BillToCustomerId'], ['AdvertiserAccount', 'PrimaryUserId'], ['AccountInfo', 'Id'],
      ['AddAccountResponse', 'AccountId'], ['GetAccountRequest', 'AccountId'], ['FindAccountsRequest', 'CustomerId'],
      ['GetUserRequest', 'UserId'], ['User', 'Id'], ['User', 'CustomerId'], ['CustomerRole', 'CustomerId'],
    ] as const) {
      const t = typeOf(schema, prop);
      assert.equal(t.type, 'string', `${schema}.${prop} is a string`);
      assert.equal(t.format, 'int64', `${schema}.${prop} has format int64`);
    }
    assert.equal(typeOf('FindAccountsRequest', 'TopN').type, 'integer');
    assert.equal(typeOf('CustomerRole', 'RoleId').type, 'integer');
    assert.equal(typeOf('AccountInfo', 'PauseReason').type, 'integer');
    const accountsInfo = typeOf('FindAccountsResponse', 'AccountsInfo');
    assert.equal(accountsInfo.type, 'array', 'AccountsInfo is a plain array');
  });
});

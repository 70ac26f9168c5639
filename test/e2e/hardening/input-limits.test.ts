// Issue 9 item 4: oversized input (a 50,000-character filter or Contains value, an id list of
// thousands, a huge name) is refused with the documented fault before any query runs — never a
// 500 ("LIKE or GLOB pattern too complex" on SQLite) — and nothing is stored. Over SOAP and REST,
// on SQLite and on PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { operationDef } from '../../../src/contract/lookup.js';
import type { OperationName } from '../../../src/contract/values.js';
import type { Store } from '../../../src/store/store.js';
import { accountXml, addressXml, ADDRESS } from '../../support/account-xml.js';
import { rest, soap, faultCodes, find, type RestResult, type SoapResult } from '../../support/clients.js';
import { longs, predicates, restCodes } from '../../support/faces.js';
import { reportPgAway } from '../../store/pg-test.js';
import {
  issueToken, postgresBackend, postgresProblem, spawnServer, sqliteBackend, SANDBOX_DEVELOPER_TOKEN,
  type Backend, type ServerProcess,
} from '../../../tools/fuzz/server-process.js';

const KV = 'http://schemas.datacontract.org/2004/07/System.Collections.Generic';
/** 50,000 characters, some outside the BMP (counted as one character each). */
const HUGE = 'ab😀'.repeat(12_500).slice(0, 50_000);

interface World { server: ServerProcess; store: Store; token: string; customerId: string; accountId: string; userId: string }

function call(w: World) {
  return {
    rest: (op: OperationName, body: unknown): Promise<RestResult> => {
      const { method, path } = operationDef(op);
      return rest(w.server.url, method, path, body, { token: w.token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    },
    soap: (op: OperationName, inner: string): Promise<SoapResult> =>
      soap(w.server.soapUrl, op, inner, { token: w.token, developerToken: SANDBOX_DEVELOPER_TOKEN }),
  };
}

async function refusedOnBoth(w: World, op: OperationName, json: unknown, xml: string, code: number, kind: 'ApiFault' | 'AdApiFaultDetail' = 'ApiFault'): Promise<void> {
  const r = await call(w).rest(op, json);
  assert.equal(r.status, 400, `${op} REST: ${r.text.slice(0, 300)}`);
  assert.equal(r.body.Type, kind, `${op} REST fault type`);
  assert.deepEqual(restCodes(r), [code], `${op} REST codes`);
  const s = await call(w).soap(op, xml);
  assert.equal(s.status, 500, `${op} SOAP status`);
  assert.ok(find(s.root, kind), `${op} SOAP ${kind}: ${s.text.slice(0, 300)}`);
  assert.deepEqual(faultCodes(s), [code], `${op} SOAP codes`);
}

async function accountsOf(w: World): Promise<string[]> {
  const id = BigInt(w.customerId);
  const list = await w.store.queryAccounts({ scope: { customerIds: [id], accountIds: [] }, customerId: id, limit: 10_000 });
  return list.map((a) => `${a.id}:${a.name}:${a.version}`).sort();
}

function limitCases(kind: Backend['kind'], open: () => Backend): void {
  const w = {} as World;
  let backend: Backend;
  before(async () => {
    backend = open();
    w.server = await spawnServer(backend);
    w.store = await backend.openStore();
    w.token = await issueToken(backend);
    const me = await call(w).rest('GetUser', { UserId: null });
    const user = me.body.User as { Id: string; CustomerId: string };
    w.userId = String(user.Id);
    w.customerId = String(user.CustomerId);
    const info = await call(w).rest('GetAccountsInfo', { CustomerId: w.customerId, OnlyParentAccounts: false });
    w.accountId = String((info.body.AccountsInfo as Array<{ Id: string }>)[0]!.Id);
  });
  after(async () => {
    await w.store?.close();
    await w.server?.stop();
    await backend?.dispose();
  });

  it(`${kind}: a 50,000-character FindAccounts AccountFilter is 201, not a 500; 100 characters is still searched`, async () => {
    await refusedOnBoth(w, 'FindAccounts', { CustomerId: null, AccountFilter: HUGE, TopN: 10 },
      `<CustomerId i:nil="true"/><AccountFilter>${HUGE}</AccountFilter><TopN>10</TopN>`, 201);
    await refusedOnBoth(w, 'FindAccounts', { CustomerId: null, AccountFilter: 'x'.repeat(101), TopN: 10 },
      `<CustomerId i:nil="true"/><AccountFilter>${'x'.repeat(101)}</AccountFilter><TopN>10</TopN>`, 201);
    const ok = await call(w).rest('FindAccounts', { CustomerId: null, AccountFilter: `${'😀'.repeat(99)}  `, TopN: 10 });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.body.AccountsInfo, []);
  });

  it(`${kind}: 50,000-character filters of GetCustomersInfo and FindAccountsOrCustomersInfo are 201`, async () => {
    await refusedOnBoth(w, 'GetCustomersInfo', { CustomerNameFilter: HUGE, TopN: 10 },
      `<CustomerNameFilter>${HUGE}</CustomerNameFilter><TopN>10</TopN>`, 201);
    await refusedOnBoth(w, 'FindAccountsOrCustomersInfo', { Filter: HUGE, TopN: 10 },
      `<Filter>${HUGE}</Filter><TopN>10</TopN>`, 201);
  });

  it(`${kind}: a 50,000-character Contains (SearchAccounts, SearchCustomers) is 3030 PredicateInvalid`, async () => {
    const paging = { Index: 0, Size: 10 };
    const pagingXml = '<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>';
    await refusedOnBoth(w, 'SearchAccounts',
      { Predicates: [{ Field: 'AccountName', Operator: 'Contains', Value: HUGE }], PageInfo: paging },
      predicates([{ Field: 'AccountName', Operator: 'Contains', Value: HUGE }]) + pagingXml, 3030);
    await refusedOnBoth(w, 'SearchCustomers',
      { Predicates: [{ Field: 'CustomerName', Operator: 'Contains', Value: HUGE }], PageInfo: paging },
      predicates([{ Field: 'CustomerName', Operator: 'Contains', Value: HUGE }]) + pagingXml, 3030);
    const long = 'y'.repeat(1_001);
    await refusedOnBoth(w, 'SearchAccounts',
      { Predicates: [{ Field: 'AccountName', Operator: 'Equals', Value: long }], PageInfo: paging },
      predicates([{ Field: 'AccountName', Operator: 'Equals', Value: long }]) + pagingXml, 3030);
  });

  it(`${kind}: oversized lists are 3024 and change nothing (UpdateUserRoles ids, ExternalAccountIds, TaxInformation)`, async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => BigInt(i + 1));
    const rolesBefore = JSON.stringify(await w.store.listUserRoles(BigInt(w.userId)), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    await refusedOnBoth(w, 'UpdateUserRoles',
      { CustomerId: w.customerId, UserId: w.userId, NewRoleId: 41, NewAccountIds: ids.map(String) },
      `<CustomerId>${w.customerId}</CustomerId><UserId>${w.userId}</UserId><NewRoleId>41</NewRoleId>${longs('NewAccountIds', ids)}`, 3024);
    const rolesAfter = JSON.stringify(await w.store.listUserRoles(BigInt(w.userId)), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    assert.equal(rolesAfter, rolesBefore);

    const external = Array.from({ length: 5_000 }, (_, i) => `ext-${i}`);
    await refusedOnBoth(w, 'MapAccountIdToExternalAccountIds', { AccountId: w.accountId, ExternalAccountIds: external },
      `<AccountId>${w.accountId}</AccountId><ExternalAccountIds xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">`
      + `${external.map((e) => `<a:string>${e}</a:string>`).join('')}</ExternalAccountIds>`, 3024);
    assert.equal(await w.store.getAccountExternalIds(BigInt(w.accountId)), null);

    const before = await accountsOf(w);
    const tax = Array.from({ length: 2_000 }, (_, i) => ({ Key: 'VATNumber', Value: `v${i}` }));
    await refusedOnBoth(w, 'AddAccount',
      { Account: { Name: 'Limits tax', CurrencyCode: 'USD', ParentCustomerId: w.customerId, TaxInformation: tax, BusinessAddress: ADDRESS } },
      accountXml({
        CurrencyCode: 'USD', Name: 'Limits tax', ParentCustomerId: w.customerId,
        TaxInformation: tax.map((t) => `<KeyValuePairOfstringstring xmlns="${KV}"><key>${t.Key}</key><value>${t.Value}</value></KeyValuePairOfstringstring>`).join(''),
        BusinessAddress: addressXml(ADDRESS),
      }), 3024);
    assert.deepEqual(await accountsOf(w), before);
  });

  it(`${kind}: a 50,000-character account name is 211 NameTooLong and no account is stored`, async () => {
    const before = await accountsOf(w);
    await refusedOnBoth(w, 'AddAccount',
      { Account: { Name: HUGE, CurrencyCode: 'USD', ParentCustomerId: w.customerId, BusinessAddress: ADDRESS } },
      accountXml({ CurrencyCode: 'USD', Name: HUGE, ParentCustomerId: w.customerId, BusinessAddress: addressXml(ADDRESS) }), 211);
    assert.deepEqual(await accountsOf(w), before);
  });

  it(`${kind}: any other text over 10,000 characters is 201 (a client link note, a date range)`, async () => {
    const huge = 'n'.repeat(10_001);
    const pagingXml = '<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>';
    await refusedOnBoth(w, 'SearchCustomers',
      { Predicates: [{ Field: 'CustomerName', Operator: 'Contains', Value: 'Demo' }], DateRange: { MinDate: huge, MaxDate: null }, PageInfo: { Index: 0, Size: 10 } },
      predicates([{ Field: 'CustomerName', Operator: 'Contains', Value: 'Demo' }])
      + `<DateRange><e:MinDate>${huge}</e:MinDate><e:MaxDate i:nil="true"/></DateRange>${pagingXml}`, 201);
  });
}

describe('input limits on SQLite', () => limitCases('sqlite', sqliteBackend));

const problem = await postgresProblem();
if (problem) describe('input limits on PostgreSQL', () => reportPgAway('input limits on PostgreSQL', problem));
else describe('input limits on PostgreSQL', () => limitCases('postgres', () => postgresBackend()));

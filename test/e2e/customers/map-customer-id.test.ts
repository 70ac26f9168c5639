// MapCustomerIdToExternalCustomerId end to end over REST and SOAP: a Super Admin or Aggregator of
// the customer (or the agency through its customer link) stores the mapping, replacing an earlier
// one; null/empty → 203; over 100 characters → 201; everyone else 106.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectOk, xmlEscape } from '../../support/soap-assert.js';
import { ROLES, useCustomersWorld } from '../../support/customers-world.js';

const world = useCustomersWorld();
const req = (id: bigint, external: string | null): [unknown, string] => [
  { CustomerId: id.toString(), ...(external === null ? {} : { ExternalCustomerId: external }) },
  `<CustomerId>${id}</CustomerId>${external === null ? '<ExternalCustomerId i:nil="true"/>' : `<ExternalCustomerId>${xmlEscape(external)}</ExternalCustomerId>`}`,
];
const stored = async (id: bigint): Promise<string | undefined> => (await world.store.getCustomerExternalId(id))?.externalCustomerId;

describe('MapCustomerIdToExternalCustomerId', () => {
  it('REST stores the mapping (trimmed); SOAP replaces it', async () => {
    const t = await world.newTenant('Map');
    const r = await world.faces.rest('MapCustomerIdToExternalCustomerId', req(t.customer.id, ' crm-42 ')[0], t.token);
    assert.equal(r.status, 200, r.text);
    assert.equal(await stored(t.customer.id), 'crm-42');
    expectOk(await world.faces.soap('MapCustomerIdToExternalCustomerId', req(t.customer.id, 'crm-<43>')[1], t.token), 'MapCustomerIdToExternalCustomerId');
    const rec = await world.store.getCustomerExternalId(t.customer.id);
    assert.equal(rec?.externalCustomerId, 'crm-<43>');
    assert.equal(rec?.lastModifiedByUserId, t.user.id);
  });

  it('an Aggregator of the customer and the agency through its customer link may map', async () => {
    const { C, A } = world;
    const aggregator = await world.newUser(C.customer.id, ROLES.Aggregator);
    assert.equal((await world.faces.rest('MapCustomerIdToExternalCustomerId', req(C.customer.id, 'agg-1')[0], aggregator.token)).status, 200);
    assert.equal(await stored(C.customer.id), 'agg-1');
    assert.equal((await world.faces.rest('MapCustomerIdToExternalCustomerId', req(C.customer.id, 'agency-1')[0], A.token)).status, 200);
    assert.equal(await stored(C.customer.id), 'agency-1');
  });

  it('Standard, Viewer, another tenant, an unknown id → 106, nothing stored', async () => {
    const t = await world.newTenant('Unmapped');
    for (const role of [ROLES.StandardUser, ROLES.Viewer]) {
      const u = await world.newUser(t.customer.id, role);
      await world.refused('MapCustomerIdToExternalCustomerId', ...req(t.customer.id, 'x'), u.token, 106);
    }
    await world.refused('MapCustomerIdToExternalCustomerId', ...req(t.customer.id, 'x'), world.O.token, 106);
    await world.refused('MapCustomerIdToExternalCustomerId', ...req(999999994n, 'x'), t.token, 106);
    assert.equal(await stored(t.customer.id), undefined);
  });

  it('ExternalCustomerId nil, absent or empty → 203; over 100 characters → 201; nothing stored', async () => {
    const t = await world.newTenant('Empty');
    await world.refused('MapCustomerIdToExternalCustomerId', ...req(t.customer.id, null), t.token, 203);
    await world.refused('MapCustomerIdToExternalCustomerId', ...req(t.customer.id, '  '), t.token, 203);
    await world.refused('MapCustomerIdToExternalCustomerId', ...req(t.customer.id, 'x'.repeat(101)), t.token, 201);
    assert.equal(await stored(t.customer.id), undefined);
  });
});

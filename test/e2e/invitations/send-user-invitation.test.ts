// SendUserInvitation on the real server, over REST and SOAP together: what is stored (and ignored),
// who may invite whom, validation (docs/behaviour.md "User management", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { UserInvitationRecord } from '../../../src/store/records.js';
import { text } from '../../support/clients.js';
import { faultCodes, longs, restCodes } from '../../support/faces.js';
import { createTestTenant } from '../../support/fixtures.js';
import { invitationJson, invitationWithReadOnlyXml, invitationXml } from '../../support/invitation-requests.js';
import { DAY } from '../../support/links-world.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();
const invitation = async (id: unknown): Promise<UserInvitationRecord> => (await world.store.getUserInvitation(BigInt(String(id))))!;
const pendingCount = async (): Promise<number> => (await world.store.listPendingUserInvitations(world.a.customer.id)).length;

describe('SendUserInvitation over REST and SOAP', () => {
  it('stores the invitation with a 30-day expiry and only a hash of its secret; read-only fields are ignored', async () => {
    const { a, call, admin } = world;
    for (const face of ['REST', 'SOAP'] as const) {
      const before = Date.now();
      let id: string | undefined;
      if (face === 'REST') {
        const res = await call.rest('SendUserInvitation', {
          UserInvitation: invitationJson(a.customer.id, {
            Id: '5', ExpirationDate: '2000-01-01T00:00:00Z', FirstName: '  Ada ', AccountIds: [a.account.id.toString(), a.account.id.toString()],
          }),
        }, admin);
        assert.equal(res.status, 200, res.text);
        id = String(res.body.UserInvitationId);
      } else {
        const res = await call.soap('SendUserInvitation', invitationWithReadOnlyXml(a.customer.id, a.account.id), admin);
        assert.equal(res.status, 200, res.text);
        id = text(res.root, 'UserInvitationId');
      }
      assert.match(String(id), /^\d+$/);
      const rec = await invitation(id);
      assert.ok(rec.id >= 700000001n);
      assert.deepEqual(
        [rec.customerId, rec.firstName, rec.lastName, rec.email, rec.roleId, rec.accountIds, rec.lcid, rec.createdByUserId],
        [a.customer.id, 'Ada', 'Lovelace', 'ada@example.com', 16, [a.account.id], 'EnglishUK', a.user.id], face);
      const expiry = rec.expirationDate.getTime();
      assert.ok(expiry >= before + 30 * DAY && expiry <= Date.now() + 30 * DAY, 'expires 30 days after sending');
      assert.match(rec.secretHash, /^[0-9a-f]{64}$/);
      assert.equal(rec.acceptedTime, null);
    }
  });

  it('a Standard User invites a Viewer to every account; Lcid defaults to EnglishUS', async () => {
    const { a, call } = world;
    const standardToken = world.standard.token;
    const res = await call.soap('SendUserInvitation', invitationXml(a.customer.id, 100, '<e:AccountIds i:nil="true"/>'), standardToken);
    assert.equal(res.status, 200, res.text);
    const rec = await invitation(text(res.root, 'UserInvitationId'));
    assert.deepEqual([rec.roleId, rec.accountIds, rec.lcid, rec.firstName], [100, null, 'EnglishUS', 'Alan']);
    const json = await call.rest('SendUserInvitation', {
      UserInvitation: invitationJson(a.customer.id, { RoleId: 100, AccountIds: null, Lcid: undefined }),
    }, standardToken);
    assert.equal(json.status, 200, json.text);
    const fromRest = await invitation(json.body.UserInvitationId);
    assert.deepEqual([fromRest.roleId, fromRest.accountIds, fromRest.lcid, fromRest.firstName], [100, null, 'EnglishUS', 'Ada']);
  });

  it('a Super Admin or Aggregator invitation is never restricted to accounts (the list is ignored)', async () => {
    const { a, call, admin } = world;
    for (const roleId of [41, 33]) {
      const res = await call.soap('SendUserInvitation',
        invitationXml(a.customer.id, roleId, longs('e:AccountIds', [a.account.id])), admin);
      assert.equal(res.status, 200, res.text);
      assert.equal((await invitation(text(res.root, 'UserInvitationId'))).accountIds, null);
      const json = await call.rest('SendUserInvitation', {
        UserInvitation: invitationJson(a.customer.id, { RoleId: roleId, AccountIds: [a.account.id.toString()] }),
      }, admin);
      assert.equal(json.status, 200, json.text);
      assert.equal((await invitation(json.body.UserInvitationId)).accountIds, null);
    }
  });

  it('a null or empty UserInvitation is 3086 (REST and SOAP)', async () => {
    const { call, admin } = world;
    for (const body of [{}, { UserInvitation: null }, { UserInvitation: {} }]) {
      const res = await call.rest('SendUserInvitation', body, admin);
      assert.deepEqual([res.status, restCodes(res), res.body.Type], [400, [3086], 'ApiFault'], JSON.stringify(body));
      assert.equal((res.body.OperationErrors as Array<{ Message: string }>)[0]!.Message,
        'The UserInvitation field cannot be null or empty for the SendUserInvitation operation.');
    }
    for (const inner of ['<UserInvitation i:nil="true"/>', '<UserInvitation/>', '']) {
      assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', inner, admin)), [3086], inner);
    }
  });

  it('Super Admin or Standard only; a Standard User cannot invite a Super Admin or an Aggregator (106)', async () => {
    const { a, call } = world;
    const standardToken = world.standard.token;
    const count = await pendingCount();
    for (const roleId of [41, 33]) {
      const res = await call.rest('SendUserInvitation', { UserInvitation: invitationJson(a.customer.id, { RoleId: roleId }) }, standardToken);
      assert.deepEqual([res.status, restCodes(res)], [403, [106]], `role ${roleId}`);
      assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', invitationXml(a.customer.id, roleId), standardToken)), [106], `role ${roleId}`);
    }
    for (const token of world.lesserTokens) {
      assert.deepEqual(restCodes(await call.rest('SendUserInvitation', { UserInvitation: invitationJson(a.customer.id) }, token)), [106]);
      assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', invitationXml(a.customer.id, 16), token)), [106]);
    }
    assert.equal(await pendingCount(), count, 'nothing stored');
  });

  it('validation: required 203, names over 40 211, e-mail 201, role 201, accounts of another customer 2108', async () => {
    const { a, store, call, admin } = world;
    const count = await pendingCount();
    const other = await createTestTenant(store, 'sandbox', 'Other');
    const cases: Array<[Record<string, unknown>, number]> = [
      [invitationJson(a.customer.id, { CustomerId: undefined }), 203],
      [invitationJson(a.customer.id, { RoleId: undefined }), 203],
      [invitationJson(a.customer.id, { RoleId: 7 }), 201],
      [invitationJson(a.customer.id, { FirstName: null }), 203],
      [invitationJson(a.customer.id, { LastName: '   ' }), 203],
      [invitationJson(a.customer.id, { FirstName: 'f'.repeat(41) }), 211],
      [invitationJson(a.customer.id, { LastName: 'l'.repeat(41) }), 211],
      [invitationJson(a.customer.id, { Email: null }), 203],
      [invitationJson(a.customer.id, { Email: `${'e'.repeat(90)}@example.com` }), 201],
      [invitationJson(a.customer.id, { Email: 'no at sign' }), 201],
      [invitationJson(a.customer.id, { AccountIds: [other.account.id.toString()] }), 2108],
      [invitationJson(a.customer.id, { AccountIds: ['999999999999'] }), 2108],
      [invitationJson(a.customer.id, { Lcid: 'Klingon' }), 201],
    ];
    for (const [inv, code] of cases) {
      const res = await call.rest('SendUserInvitation', { UserInvitation: inv }, admin);
      assert.deepEqual(restCodes(res), [code], `${JSON.stringify(inv)} → ${res.text}`);
    }
    assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', invitationXml(a.customer.id, 99), admin)), [201]);
    assert.deepEqual(faultCodes(await call.soap('SendUserInvitation',
      invitationXml(a.customer.id, 16).replace('<e:FirstName>Alan</e:FirstName>', `<e:FirstName>${'f'.repeat(41)}</e:FirstName>`), admin)), [211]);
    // The other rules in SOAP, on the valid SOAP invitation with one part changed.
    const xml = invitationXml(a.customer.id, 16);
    const soapCases: Array<[string, number]> = [
      [xml.replace(/<e:CustomerId>\d+<\/e:CustomerId>/, ''), 203],
      [xml.replace('<e:RoleId>16</e:RoleId>', ''), 203],
      [xml.replace('<e:FirstName>Alan</e:FirstName>', '<e:FirstName i:nil="true"/>'), 203],
      [xml.replace('<e:LastName>Turing</e:LastName>', '<e:LastName>   </e:LastName>'), 203],
      [xml.replace('<e:LastName>Turing</e:LastName>', `<e:LastName>${'l'.repeat(41)}</e:LastName>`), 211],
      [xml.replace('<e:Email>alan@example.com</e:Email>', '<e:Email i:nil="true"/>'), 203],
      [xml.replace('<e:Email>alan@example.com</e:Email>', `<e:Email>${'e'.repeat(90)}@example.com</e:Email>`), 201],
      [xml.replace('<e:Email>alan@example.com</e:Email>', '<e:Email>no at sign</e:Email>'), 201],
      [invitationXml(a.customer.id, 16, longs('e:AccountIds', [other.account.id])), 2108],
      [invitationXml(a.customer.id, 16, longs('e:AccountIds', [999999999999n])), 2108],
      [invitationXml(a.customer.id, 16, '<e:Lcid>Klingon</e:Lcid>'), 201],
    ];
    for (const [inner, code] of soapCases) {
      const res = await call.soap('SendUserInvitation', inner, admin);
      assert.deepEqual(faultCodes(res), [code], `${inner} → ${res.text.slice(0, 400)}`);
    }
    assert.equal(await pendingCount(), count, 'nothing stored');
    const edge = await call.rest('SendUserInvitation', {
      UserInvitation: invitationJson(a.customer.id, { FirstName: 'f'.repeat(40), LastName: 'l'.repeat(40), Email: `${'e'.repeat(88)}@example.com` }),
    }, admin);
    assert.equal(edge.status, 200, edge.text);
    const edgeSoap = await call.soap('SendUserInvitation', xml.replace('<e:FirstName>Alan</e:FirstName>', `<e:FirstName>${'f'.repeat(40)}</e:FirstName>`)
      .replace('<e:LastName>Turing</e:LastName>', `<e:LastName>${'l'.repeat(40)}</e:LastName>`)
      .replace('<e:Email>alan@example.com</e:Email>', `<e:Email>${'e'.repeat(88)}@example.com</e:Email>`), admin);
    assert.equal(edgeSoap.status, 200, edgeSoap.text);
  });
});

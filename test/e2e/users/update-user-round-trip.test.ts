// "GetUser → UpdateUser round-trips": the User, PersonName and ContactInfo pages say of every
// settable field "Update: Optional. If no value is set for the update, this setting is not
// changed", and the guide says UpdateUser carries the user's timestamps "(including the address
// timestamp)". Users made by the demo tenant, by the sign-up page (createTenant, as the demo tenant)
// and by accepting an invitation have no Phone1; each is sent back exactly as GetUser returned it,
// over REST and over SOAP, and UpdateUser succeeds and keeps every stored detail.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../../src/domain/context.js';
import { acceptInvitation } from '../../../src/domain/invitations/accept-invitation.js';
import { createInvitation } from '../../../src/domain/invitations/create-invitation.js';
import type { UserRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { ENT, XSI, find } from '../../support/clients.js';
import type { XmlElement } from '../../../src/codec/xml-tree.js';
import { faces, faultCodes, restCodes, timeStampOf, type Faces } from '../../support/faces.js';
import { createTestTenant, tokenFor } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

/** An element of a SOAP response written back as request XML (entities under the e: prefix). */
function echo(el: XmlElement, name = el.local): string {
  const tag = el.uri === ENT ? `e:${name}` : name;
  if (el.attributes.get(`{${XSI}}nil`) === 'true') return `<${tag} i:nil="true"/>`;
  const arrays = el.children.some((c) => c.uri !== ENT && c.uri !== '');
  if (arrays) return `<${tag} xmlns:a="${el.children[0]!.uri}">${el.children.map((c) => `<a:${c.local}>${c.text}</a:${c.local}>`).join('')}</${tag}>`;
  if (el.children.length === 0) return `<${tag}>${el.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${tag}>`;
  return `<${tag}>${el.children.map((c) => echo(c)).join('')}</${tag}>`;
}

/** What UpdateUser must not change when the user is sent back as it was read. */
function details(u: UserRecord): unknown {
  return { ...u, version: 0n, lastModifiedTime: null, lastModifiedByUserId: null };
}

describe('UpdateUser with the User exactly as GetUser returned it', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  const made: Array<{ how: string; user: UserRecord; token: string }> = [];

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    const demoToken = await server.token();
    const demoId = BigInt((await store.getMeta('demo_user_id'))!);
    made.push({ how: 'the demo tenant', user: (await store.getUser(demoId))!, token: demoToken });
    const signedUp = await createTestTenant(store, 'sandbox', 'Signup');
    made.push({ how: 'the sign-up page (createTenant)', user: signedUp.user, token: signedUp.token });
    const { secret } = await createInvitation(new Context(signedUp.user, store, 'sandbox'),
      { CustomerId: signedUp.customer.id, RoleId: 203, FirstName: 'Invited', LastName: 'Person', Email: 'invited@example.com' });
    const invited = await acceptInvitation(store, secret, { userName: `invited-${Date.now()}@example.com`, passwordHash: null });
    made.push({ how: 'an accepted invitation', user: invited, token: await tokenFor(store, invited.id) });
  });
  after(async () => { await server?.stop(); });

  it('users made each way have no Phone1 (the case that used to answer 203)', () => {
    for (const { how, user } of made) assert.equal(user.contactInfo?.phone1, null, how);
  });

  it('REST: GetUser then UpdateUser with the returned User unchanged succeeds, and nothing but the audit fields changes', async () => {
    for (const { how, user, token } of made) {
      const before = (await store.getUser(user.id))!;
      const got = await call.rest('GetUser', { UserId: null }, token);
      assert.equal(got.status, 200, `${how}: ${got.text}`);
      const res = await call.rest('UpdateUser', { User: got.body.User }, token);
      assert.equal(res.status, 200, `${how}: ${res.text}`);
      const after = (await store.getUser(user.id))!;
      assert.equal(after.version, before.version + 1n, how);
      assert.deepEqual(details(after), details(before), how);
    }
  });

  it('SOAP: GetUser then UpdateUser with the returned User element unchanged (nils included) succeeds and keeps every detail', async () => {
    for (const { how, user, token } of made) {
      const before = (await store.getUser(user.id))!;
      const got = await call.soap('GetUser', '<UserId i:nil="true"/>', token);
      assert.equal(got.status, 200, `${how}: ${got.text}`);
      const userEl = find(got.root, 'User', ENT) ?? find(got.root, 'User')!;
      const res = await call.soap('UpdateUser', echo({ ...userEl, uri: '' }, 'User'), token);
      assert.equal(res.status, 200, `${how}: ${res.text}`);
      const after = (await store.getUser(user.id))!;
      assert.equal(after.version, before.version + 1n, how);
      assert.deepEqual(details(after), details(before), how);
    }
  });

  it('the user\'s Address carries a real TimeStamp: the user\'s own, checked on UpdateUser (stale: 209, REST and SOAP)', async () => {
    const { user, token } = made[1]!;
    const withAddress = await call.rest('UpdateUser', {
      User: { Id: user.id.toString(), TimeStamp: timeStampOf((await store.getUser(user.id))!), ContactInfo: { Address: { Line1: '1 Round Trip', City: 'Redmond', CountryCode: 'US' } } },
    }, token);
    assert.equal(withAddress.status, 200, withAddress.text);
    const stored = (await store.getUser(user.id))!;
    const got = await call.rest('GetUser', { UserId: null }, token);
    const sent = got.body.User as { TimeStamp: string; ContactInfo: { Address: { TimeStamp: string; Line1: string } } };
    assert.equal(sent.ContactInfo.Address.TimeStamp, timeStampOf(stored));
    assert.equal(sent.ContactInfo.Address.Line1, '1 Round Trip');
    const stale = { ...sent, ContactInfo: { ...sent.ContactInfo, Address: { ...sent.ContactInfo.Address, TimeStamp: timeStampOf({ ...stored, version: 1n }) } } };
    const rest = await call.rest('UpdateUser', { User: stale }, token);
    assert.deepEqual([rest.status, restCodes(rest)], [400, [209]]);
    const soap = await call.soap('UpdateUser', `<User><e:ContactInfo><e:Address><e:City>X</e:City><e:TimeStamp>${timeStampOf({ ...stored, version: 1n })}</e:TimeStamp></e:Address></e:ContactInfo>`
      + `<e:Id>${user.id}</e:Id><e:TimeStamp>${timeStampOf(stored)}</e:TimeStamp></User>`, token);
    assert.deepEqual(faultCodes(soap), [209]);
    assert.equal((await store.getUser(user.id))!.version, stored.version, 'nothing stored');
  });
});

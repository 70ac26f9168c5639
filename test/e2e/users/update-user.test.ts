// UpdateUser on the real server, over REST and SOAP together: what is stored and ignored, who may
// update whom, TimeStamp and validation (docs/behaviour.md "User management", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { find, text } from '../../support/clients.js';
import { faultCodes, restCodes, timeStampOf } from '../../support/faces.js';
import { tokenFor } from '../../support/fixtures.js';
import { fullUserXml, READ_ONLY_USER_FIELDS, userJson, userXml } from '../../support/user-requests.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('UpdateUser over REST and SOAP', () => {
  it('a Super Admin overwrites a user\'s details; read-only fields are ignored; GetUser shows the result', async () => {
    const { a, call, admin, fresh, stored } = world;
    for (const face of ['REST', 'SOAP'] as const) {
      const target = await fresh(203);
      let lastModifiedTime: string | undefined;
      if (face === 'REST') {
        const res = await call.rest('UpdateUser', { User: userJson(target, { ...READ_ONLY_USER_FIELDS }) }, admin);
        assert.equal(res.status, 200, res.text);
        lastModifiedTime = String(res.body.LastModifiedTime);
      } else {
        const res = await call.soap('UpdateUser', fullUserXml(target), admin);
        assert.equal(res.status, 200, res.text);
        lastModifiedTime = text(res.root, 'LastModifiedTime')?.slice(0, 23);
      }
      const after = await stored(target.id);
      assert.equal(lastModifiedTime, after.lastModifiedTime.toISOString().slice(0, face === 'REST' ? undefined : 23), face);
      assert.equal(after.version, target.version + 1n);
      assert.equal(after.lastModifiedByUserId, a.user.id);
      assert.deepEqual([after.userName, after.customerId, after.lifeCycleStatus, after.passwordHash],
        [target.userName, target.customerId, 'Active', target.passwordHash], face);
      assert.deepEqual([after.firstName, after.lastName, after.middleInitial, after.jobTitle, after.lcid],
        ['Grace', 'Hopper', 'B', 'Rear Admiral', 'EnglishUK'], face);
      const c = after.contactInfo!;
      assert.equal(c.id, target.contactInfo!.id, 'the contact record keeps its id');
      assert.deepEqual([c.email, c.emailFormat, c.phone1, c.phone2, c.mobile, c.homePhone, c.contactByPhone],
        ['grace@example.com', 'Text', '+1 555 0101', '+1 555 0102', '555 0103', null, true], face);
      assert.deepEqual([c.address?.line1, c.address?.countryCode, c.address?.businessName], ['1 Navy Way', 'US', null], face);
      // GetUser shows the result on both faces, whichever face updated.
      const got = await call.rest('GetUser', { UserId: target.id.toString() }, admin);
      const user = got.body.User as Record<string, unknown>;
      assert.deepEqual(user.Name, { FirstName: 'Grace', LastName: 'Hopper', MiddleInitial: 'B' });
      assert.equal(user.TimeStamp, timeStampOf(after));
      const seen = await call.soap('GetUser', `<UserId>${target.id}</UserId>`, admin);
      assert.deepEqual(['FirstName', 'LastName', 'MiddleInitial'].map((n) => text(find(seen.root, 'Name')!, n)), ['Grace', 'Hopper', 'B']);
      assert.equal(text(find(seen.root, 'User')!, 'TimeStamp'), timeStampOf(after));
    }
  });

  // A REST "" clears an optional text; an empty SOAP element means "not set" and keeps it (docs/behaviour.md "Wire format").
  it('"If no value is set for the update, this setting is not changed": fields left out are kept, "" clears an optional text (REST)', async () => {
    const { call, admin, fresh, stored } = world;
    const partial = {
      REST: async (id: bigint, timeStamp: string) => call.rest('UpdateUser', {
        User: { Id: id.toString(), TimeStamp: timeStamp, Name: { FirstName: 'Only' }, JobTitle: '', ContactInfo: { Phone2: null } },
      }, admin),
      SOAP: async (id: bigint, timeStamp: string) => call.soap('UpdateUser', `<User><e:ContactInfo><e:Phone2 i:nil="true"/></e:ContactInfo>`
        + `<e:Id>${id}</e:Id><e:JobTitle></e:JobTitle><e:Name><e:FirstName>Only</e:FirstName></e:Name><e:TimeStamp>${timeStamp}</e:TimeStamp></User>`, admin),
    };
    for (const face of ['REST', 'SOAP'] as const) {
      const target = await fresh(100);
      const first = await call.rest('UpdateUser', { User: userJson(target) }, admin);
      assert.equal(first.status, 200, first.text);
      const mid = await stored(target.id);
      const res = await partial[face](target.id, timeStampOf(mid));
      assert.equal(res.status, 200, `${face}: ${res.text}`);
      const after = await stored(target.id);
      assert.deepEqual([after.firstName, after.lastName, after.middleInitial, after.jobTitle, after.lcid],
        ['Only', 'Hopper', 'B', face === 'REST' ? null : 'Rear Admiral', 'EnglishUK'], face);
      assert.deepEqual({ ...after.contactInfo, address: null }, { ...mid.contactInfo, address: null }, face);
      assert.deepEqual(after.contactInfo?.address, mid.contactInfo?.address, face);
    }
  });

  it('a Standard User may update themself; a Viewer may not, even themself (only Super Admin or Standard may call UpdateUser)', async () => {
    const { a, call, fresh, stored } = world;
    const self = await fresh(203, [a.account.id]);
    const token = await tokenFor(world.store, self.id);
    const res = await call.soap('UpdateUser', userXml(self), token);
    assert.equal(res.status, 200, res.text);
    const after = await stored(self.id);
    assert.equal(text(res.root, 'LastModifiedTime')?.slice(0, 23), after.lastModifiedTime.toISOString().slice(0, 23));
    assert.deepEqual([after.firstName, after.contactInfo?.email, after.lastModifiedByUserId], ['Self', 'self@example.com', self.id]);
    const again = await call.rest('UpdateUser', { User: userJson(after) }, token);
    assert.equal(again.status, 200, again.text);
    const afterRest = await stored(self.id);
    assert.equal(again.body.LastModifiedTime, afterRest.lastModifiedTime.toISOString());
    assert.deepEqual([afterRest.firstName, afterRest.contactInfo?.email, afterRest.lastModifiedByUserId], ['Grace', 'grace@example.com', self.id]);
    const viewerSelf = await fresh(100);
    const viewerSelfToken = await tokenFor(world.store, viewerSelf.id);
    assert.deepEqual(faultCodes(await call.soap('UpdateUser', userXml(viewerSelf), viewerSelfToken)), [106]);
    assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(viewerSelf) }, viewerSelfToken)), [106]);
    assert.equal((await stored(viewerSelf.id)).version, viewerSelf.version, 'nothing stored');
  });

  it('a Standard User may update a Standard User but not a Super Admin (106)', async () => {
    const { call, fresh, stored } = world;
    const standardToken = world.standard.token;
    const peer = await fresh(203);
    assert.equal((await call.rest('UpdateUser', { User: userJson(peer) }, standardToken)).status, 200);
    const soapPeer = await fresh(203);
    const soapRes = await call.soap('UpdateUser', userXml(soapPeer), standardToken);
    assert.equal(soapRes.status, 200, soapRes.text);
    const boss = await fresh(41);
    const rest = await call.rest('UpdateUser', { User: userJson(boss) }, standardToken);
    assert.deepEqual([rest.status, restCodes(rest)], [403, [106]]);
    const soap = await call.soap('UpdateUser', userXml(boss), standardToken);
    assert.deepEqual(faultCodes(soap), [106]);
    assert.equal((await stored(boss.id)).version, boss.version, 'nothing stored');
  });

  it('Viewers, Advertiser Campaign Managers and account-restricted Standard Users may not update others; unknown ids are 106', async () => {
    const { call, admin, fresh, stored } = world;
    const target = await fresh(100);
    for (const token of world.lesserTokens) {
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(target) }, token)), [106]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUser', userXml(target), token)), [106]);
    }
    const unknown = { ...target, id: 999999999999n };
    assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(unknown) }, admin)), [106]);
    assert.deepEqual(faultCodes(await call.soap('UpdateUser', userXml(unknown), admin)), [106]);
    assert.equal((await stored(target.id)).version, target.version);
  });

  it('TimeStamp: missing is 203, stale is 209 (REST and SOAP)', async () => {
    const { call, admin, fresh } = world;
    const target = await fresh(203);
    assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(target, { TimeStamp: null }) }, admin)), [203]);
    assert.deepEqual(faultCodes(await call.soap('UpdateUser', userXml(target).replace(/<e:TimeStamp>[^<]*<\/e:TimeStamp>/, ''), admin)), [203]);
    assert.equal((await call.rest('UpdateUser', { User: userJson(target) }, admin)).status, 200);
    const rest = await call.rest('UpdateUser', { User: userJson(target) }, admin);
    assert.deepEqual([rest.status, restCodes(rest), rest.body.Type], [400, [209], 'ApiFault']);
    const soap = await call.soap('UpdateUser', userXml(target), admin);
    assert.deepEqual(faultCodes(soap), [209]);
  });

  it('validation: User/Id required (203), a blank name or e-mail 203, name > 100 (211), other limits and shapes (201)', async () => {
    const { call, admin, fresh, stored } = world;
    const target = await fresh(203);
    const contact = { Email: 'x@example.com', Phone1: '1' };
    const cases: Array<[Record<string, unknown> | null, number]> = [
      [null, 203],
      [userJson(target, { Id: null }), 203],
      [userJson(target, { Name: { FirstName: ' ', LastName: 'x' } }), 203],
      [userJson(target, { Name: { FirstName: 'x'.repeat(101), LastName: 'x' } }), 211],
      [userJson(target, { Name: { FirstName: 'x', LastName: 'y'.repeat(101) } }), 211],
      [userJson(target, { Name: { FirstName: 'x', LastName: 'y', MiddleInitial: 'AB' } }), 201],
      [userJson(target, { JobTitle: 'j'.repeat(51) }), 201],
      [userJson(target, { ContactInfo: { Email: ' ' } }), 203],
      [userJson(target, { ContactInfo: { ...contact, Email: `${'e'.repeat(90)}@example.com` } }), 201],
      [userJson(target, { ContactInfo: { ...contact, Email: 'not-an-address' } }), 201],
      [userJson(target, { ContactInfo: { ...contact, Fax: '9'.repeat(101) } }), 201],
      [userJson(target, { ContactInfo: { ...contact, Address: { City: 'c'.repeat(36) } } }), 201],
      [userJson(target, { ContactInfo: { ...contact, Address: { CountryCode: 'USA' } } }), 201],
    ];
    for (const [user, code] of cases) {
      const res = await call.rest('UpdateUser', { User: user }, admin);
      assert.deepEqual(restCodes(res), [code], `${JSON.stringify(user).slice(0, 200)} → ${res.text}`);
    }
    // The same rules in SOAP, on the small SOAP User with one part changed.
    const xml = userXml(target);
    const soapCases: Array<[string, number]> = [
      ['<User i:nil="true"/>', 203],
      [xml.replace(/<e:Id>\d+<\/e:Id>/, ''), 203],
      [xml.replace('<e:FirstName>Self</e:FirstName>', '<e:FirstName> </e:FirstName>'), 203],
      [xml.replace('<e:FirstName>Self</e:FirstName>', `<e:FirstName>${'x'.repeat(101)}</e:FirstName>`), 211],
      [xml.replace('<e:LastName>Service</e:LastName>', `<e:LastName>Service</e:LastName><e:MiddleInitial>AB</e:MiddleInitial>`), 201],
      [xml.replace('<e:Email>self@example.com</e:Email>', '<e:Email> </e:Email>'), 203],
      [xml.replace('<e:Email>self@example.com</e:Email>', '<e:Email>not-an-address</e:Email>'), 201],
    ];
    for (const [inner, code] of soapCases) {
      const res = await call.soap('UpdateUser', inner, admin);
      assert.deepEqual(faultCodes(res), [code], `${inner.slice(0, 200)} → ${res.text.slice(0, 400)}`);
    }
    assert.equal((await stored(target.id)).version, target.version, 'nothing stored');
    // Limits are inclusive.
    const edge = await call.rest('UpdateUser', { User: userJson(target, { Name: { FirstName: 'f'.repeat(100), LastName: 'l', MiddleInitial: 'Q' }, JobTitle: 'j'.repeat(50) }) }, admin);
    assert.equal(edge.status, 200, edge.text);
    const edgeSoap = await call.soap('UpdateUser', userXml(await stored(target.id))
      .replace('<e:FirstName>Self</e:FirstName>', `<e:FirstName>${'f'.repeat(100)}</e:FirstName>`), admin);
    assert.equal(edgeSoap.status, 200, edgeSoap.text);
  });
});

// GetNotifications and DismissNotifications over REST and SOAP: notifications produced by events
// in the store (a new account, an account without a payment method, a client link waiting for
// the client, an invitation about to expire) and by the operator (`adcenter notify`), in the
// caller's language, filtered by type; dismissals that last for that user only; and the faults.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from '../../../src/store/store.js';
import { ENT } from '../../support/clients.js';
import { ARRAYS, faces, type Faces } from '../../support/faces.js';
import { createTestTenant, insertClientLink, insertTestAccount, insertTestUser, ownerOf, type TestTenant, type TestUser } from '../../support/fixtures.js';
import { DAY } from '../../support/links-world.js';
import { expectRestFault } from '../../support/rest-assert.js';
import { CLI, startServer, type RunningServer } from '../../support/server.js';
import { assertNilsAndNamespaces, childEl, expectFault, expectOk, must, value } from '../../support/soap-assert.js';

const run = promisify(execFile);

interface Note { TypeId: number; Id: string; Severity: number; Title: string; Message: string; AdditionalInfo?: Array<{ Key: string; Value: string }> }

describe('notifications over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let T: TestTenant;
  let O: TestTenant;
  let colleague: TestUser;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    T = await createTestTenant(store, 'sandbox', 'Notes');
    O = await createTestTenant(store, 'sandbox', 'NotesOther');
    colleague = await insertTestUser(store, 'sandbox', { customerId: T.customer.id, roleId: 41, label: 'colleague' });
  });
  after(async () => { await server?.stop(); });

  async function restNotes(token: string, body: Record<string, unknown> = {}): Promise<Note[]> {
    const r = await call.rest('GetNotifications', body, token);
    assert.equal(r.status, 200, r.text);
    return (r.body.Notifications ?? []) as Note[];
  }

  const key = (n: Pick<Note, 'TypeId' | 'Id'>): string => `${n.TypeId}:${n.Id}`;

  it('a new account is announced (TypeId 1, information) with its name and number, on both faces alike', async () => {
    const notes = await restNotes(T.token);
    const created = notes.find((n) => n.TypeId === 1 && n.Id === T.account.id.toString());
    assert.ok(created, JSON.stringify(notes));
    assert.equal(created.Severity, 1);
    assert.equal(created.Title, 'New account');
    assert.equal(created.Message, `The account ${T.account.name} (${T.account.number}) was created.`);
    assert.deepEqual(created.AdditionalInfo?.slice(0, 3), [
      { Key: 'AccountId', Value: T.account.id.toString() }, { Key: 'AccountName', Value: T.account.name }, { Key: 'AccountNumber', Value: T.account.number },
    ]);
    assert.ok(!notes.some((n) => n.Id === O.account.id.toString()), 'another customer\'s account is not announced');

    const s = expectOk(await call.soap('GetNotifications', '', T.token), 'GetNotifications');
    const list = must(childEl(s, 'Notifications'), 'Notifications').children;
    assert.deepEqual(list.map((n) => `${value(n, 'TypeId')}:${value(n, 'Id')}`), notes.map(key), 'same notifications, same order');
    const first = list[0]!;
    assert.deepEqual(first.children.map((c) => c.local), ['TypeId', 'Id', 'Severity', 'Title', 'Message', 'AdditionalInfo']);
    assertNilsAndNamespaces(first, ENT);
    const info = must(childEl(first, 'AdditionalInfo'), 'AdditionalInfo').children[0]!;
    assert.deepEqual([info.local, info.children.map((c) => c.local)], ['KeyValueEntityOfstringstring', ['Key', 'Value']]);
  });

  it('an account without a payment method asks for one (TypeId 2, action required) and comes first', async () => {
    const draft = await insertTestAccount(store, { ...ownerOf(T), paymentMethodId: null });
    const notes = await restNotes(T.token);
    const missing = notes.find((n) => n.TypeId === 2 && n.Id === draft.id.toString());
    assert.ok(missing);
    assert.equal(missing.Severity, 3);
    assert.equal(missing.Title, 'Payment method missing');
    assert.equal(notes[0]!.Severity, 3, 'ordered by severity, highest first');
    assert.ok(!notes.some((n) => n.TypeId === 2 && n.Id === T.account.id.toString()), 'an account with a payment method is fine');
  });

  it('a client link waiting for the client customer (TypeId 3) names the agency', async () => {
    const link = await insertClientLink(store, { type: 'CustomerLink', clientEntityId: T.customer.id, managingCustomerId: O.customer.id, status: 'LinkPending' });
    await insertClientLink(store, { type: 'AccountLink', clientEntityId: O.account.id, managingCustomerId: T.customer.id, status: 'LinkPending' });
    const notes = await restNotes(T.token, { TypeIds: [3] });
    assert.deepEqual(notes.map(key), [`3:${link.id}`], 'only the link T must answer, not the one T sent');
    assert.equal(notes[0]!.Message, `${O.customer.name} asks to manage ${T.customer.name}. Accept or decline the link.`);
  });

  it('an invitation expiring within 7 days is announced to the customer\'s inviters (TypeId 4), one expiring later is not', async () => {
    const invite = (days: number) => store.insertUserInvitation({
      customerId: T.customer.id, firstName: 'Ada', lastName: 'Lovelace', email: `ada-${days}@example.test`, roleId: 203,
      accountIds: null, lcid: 'EnglishUS', expirationDate: new Date(Date.now() + days * DAY),
      secretHash: randomBytes(32).toString('hex'), createdByUserId: T.user.id,
    });
    const soon = await invite(2);
    const later = await invite(20);
    const notes = await restNotes(T.token, { TypeIds: [4] });
    assert.deepEqual(notes.map(key), [`4:${soon.id}`]);
    assert.ok(notes[0]!.Message.startsWith('The invitation sent to ada-2@example.test expires on '));
    assert.ok(!notes.some((n) => n.Id === later.id.toString()));
    assert.deepEqual(await restNotes(O.token, { TypeIds: [4] }), []);
  });

  it('operator notifications (adcenter notify) reach the customer\'s users, and only them', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'notify', '--data', server.dataDir, '--customer', T.customer.id.toString(),
      '--title', 'Wartung', '--message', 'Heute Nacht ✓', '--severity', '2']);
    const id = stdout.trim();
    const mine = (await restNotes(T.token, { TypeIds: [5] })).find((n) => n.Id === id);
    assert.deepEqual(mine && [mine.Severity, mine.Title, mine.Message], [2, 'Wartung', 'Heute Nacht ✓']);
    assert.ok((await restNotes(colleague.token, { TypeIds: [5] })).some((n) => n.Id === id));
    assert.ok(!(await restNotes(O.token, { TypeIds: [5] })).some((n) => n.Id === id));
    await assert.rejects(run(process.execPath, [CLI, 'notify', '--data', server.dataDir, '--title', 't', '--message', 'm', '--severity', '9']), /severity/);
  });

  it('Locale picks the language (default en); an unknown locale falls back to English', async () => {
    const title = async (body: Record<string, unknown>) => (await restNotes(T.token, { ...body, TypeIds: [1] }))[0]!.Title;
    assert.equal(await title({ Locale: 'fr-FR' }), 'Nouveau compte');
    assert.equal(await title({ Locale: 'de' }), 'Neues Konto');
    assert.equal(await title({ Locale: 'xx' }), 'New account');
    assert.equal(await title({}), 'New account');
    const s = expectOk(await call.soap('GetNotifications', '<Locale>es</Locale>', T.token), 'GetNotifications');
    assert.equal(value(must(childEl(s, 'Notifications'), 'Notifications').children.find((n) => value(n, 'TypeId') === '1')!, 'Title'), 'Cuenta nueva');
  });

  it('TypeIds filters by type on both faces', async () => {
    const all = await restNotes(T.token);
    const only = await restNotes(T.token, { TypeIds: [1, 3] });
    assert.deepEqual(only.map(key), all.filter((n) => n.TypeId === 1 || n.TypeId === 3).map(key));
    const s = expectOk(await call.soap('GetNotifications', `<TypeIds xmlns:a="${ARRAYS}"><a:int>3</a:int></TypeIds>`, T.token), 'GetNotifications');
    assert.deepEqual(must(childEl(s, 'Notifications'), 'Notifications').children.map((n) => value(n, 'TypeId')), ['3']);
  });

  it('dismissed notifications stay dismissed for that user only; dismissing again is harmless', async () => {
    const before = await restNotes(T.token);
    const target = before.find((n) => n.TypeId === 1)!;
    const r = await call.rest('DismissNotifications', { NotificationTypePairs: [{ Key: target.Id, Value: 1 }] }, T.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, {});
    assert.ok(!(await restNotes(T.token)).some((n) => key(n) === key(target)));
    assert.ok((await restNotes(colleague.token)).some((n) => key(n) === key(target)), 'the colleague still sees it');
    assert.deepEqual(await store.listNotificationDismissals(T.user.id), [{ typeId: 1, notificationId: BigInt(target.Id) }]);

    const link = before.find((n) => n.TypeId === 3)!;
    const s = expectOk(await call.soap('DismissNotifications',
      `<UserId>${T.user.id}</UserId><NotificationTypePairs><e:KeyValueEntityOflongint><e:Key>${link.Id}</e:Key><e:Value>3</e:Value></e:KeyValueEntityOflongint>`
      + `<e:KeyValueEntityOflongint><e:Key>${target.Id}</e:Key><e:Value>1</e:Value></e:KeyValueEntityOflongint></NotificationTypePairs>`, T.token), 'DismissNotifications');
    assert.equal(s.children.length, 0);
    const after = await restNotes(T.token);
    assert.deepEqual(after.map(key), before.filter((n) => key(n) !== key(target) && key(n) !== key(link)).map(key));
  });

  it('UserId of another user → 106 on both operations and faces; the caller\'s own id is fine', async () => {
    expectRestFault(await call.rest('GetNotifications', { UserId: Number(colleague.user.id) }, T.token), 403, 'AdApiFaultDetail', 106);
    expectFault(await call.soap('GetNotifications', `<UserId>${colleague.user.id}</UserId>`, T.token), 106, 'AdApiFaultDetail');
    expectRestFault(await call.rest('DismissNotifications', { UserId: Number(colleague.user.id), NotificationTypePairs: [{ Key: '1', Value: 1 }] }, T.token), 403, 'AdApiFaultDetail', 106);
    expectFault(await call.soap('DismissNotifications', `<UserId>${colleague.user.id}</UserId><NotificationTypePairs><e:KeyValueEntityOflongint><e:Key>1</e:Key><e:Value>1</e:Value></e:KeyValueEntityOflongint></NotificationTypePairs>`, T.token), 106, 'AdApiFaultDetail');
    assert.ok(Array.isArray(await restNotes(T.token, { UserId: Number(T.user.id) })));
    assert.deepEqual(await store.listNotificationDismissals(colleague.user.id), []);
  });

  it('DismissNotifications without pairs → 3087; an unknown type or a bad id → 201; over 100 pairs → 3024', async () => {
    for (const body of [{}, { NotificationTypePairs: [] }, { NotificationTypePairs: null }]) {
      expectRestFault(await call.rest('DismissNotifications', body, T.token), 400, 'ApiFault', 3087);
    }
    expectFault(await call.soap('DismissNotifications', '<NotificationTypePairs/>', T.token), 3087, 'ApiFault');
    expectRestFault(await call.rest('DismissNotifications', { NotificationTypePairs: [{ Key: '5', Value: 99 }] }, T.token), 400, 'ApiFault', 201);
    expectFault(await call.soap('DismissNotifications', '<NotificationTypePairs><e:KeyValueEntityOflongint><e:Key>5</e:Key><e:Value>99</e:Value></e:KeyValueEntityOflongint></NotificationTypePairs>', T.token), 201, 'ApiFault');
    expectRestFault(await call.rest('DismissNotifications', { NotificationTypePairs: [{ Key: '0', Value: 1 }] }, T.token), 400, 'ApiFault', 201);
    const many = Array.from({ length: 101 }, (_, i) => ({ Key: String(i + 1), Value: 1 }));
    expectRestFault(await call.rest('DismissNotifications', { NotificationTypePairs: many }, T.token), 400, 'ApiFault', 3024);
    assert.equal((await store.listNotificationDismissals(T.user.id)).length, 2, 'nothing more stored');
  });
});

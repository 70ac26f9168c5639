// Invitations and roles in a real browser against the real server: a Super Admin sends an
// invitation over the REST API; its e-mail (with the acceptance link) is in the outbox, readable
// with `adcenter outbox`; the invitee opens the link in a fresh browser, accepts, and lands on the
// accounts page with exactly the invited scope. Then what a Viewer may not do (add accounts, open
// other customers), the error pages of expired/used/unknown links, and a deleted user's sign-in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Context } from '../../src/domain/context.js';
import { createInvitation } from '../../src/domain/invitations/create-invitation.js';
import type { AccountRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { rest } from '../support/clients.js';
import { createTestTenant, insertTestAccount, ownerOf, type TestTenant } from '../support/fixtures.js';
import { screenshot } from '../support/screens.js';
import { CLI, SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../support/server.js';

const run = promisify(execFile);
const DAY = 86_400_000;
const PASSWORD = 'viewer password 1';

describe('web: invitations, roles and tenancy', { skip: browserSkipReason() }, () => {
  let server: RunningServer;
  let store: Store;
  let browser: Browser;
  let a: TestTenant;
  let other: TestTenant;
  let second: AccountRecord;
  let invitee: BrowserContext;
  let page: Page;
  let link: string;
  const inviteeEmail = `vera-${randomUUID().slice(0, 8)}@example.test`;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    store = await server.store();
    a = await createTestTenant(store, 'sandbox', 'Inviter');
    other = await createTestTenant(store, 'sandbox', 'Other');
    second = await insertTestAccount(store, ownerOf(a), { name: 'Second account of A' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('SendUserInvitation over REST e-mails the acceptance link to the outbox; `adcenter outbox` prints it', async () => {
    const sent = await rest(server.url, 'POST', '/CustomerManagement/v13/UserInvitation/Send', {
      UserInvitation: {
        FirstName: 'Vera', LastName: 'Viewer', Email: inviteeEmail, CustomerId: a.customer.id.toString(), RoleId: 100,
        AccountIds: [second.id.toString()], Lcid: 'EnglishUS',
      },
    }, { token: a.token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    assert.equal(sent.status, 200, sent.text);

    const messages = await store.listOutboxMessages({ to: inviteeEmail.toUpperCase(), limit: 10 });
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message!.to, inviteeEmail);
    assert.match(message!.subject, new RegExp(a.customer.name));
    assert.match(message!.body, /as Viewer/);
    // The link points at the origin the API request was sent to (no --public-url given).
    const found = new RegExp(`${server.url}/invitations/accept\\?token=[A-Za-z0-9_-]{43}`).exec(message!.body);
    assert.ok(found, message!.body);
    link = found[0];

    const { stdout } = await run(process.execPath, [CLI, 'outbox', '--data', server.dataDir, '--to', inviteeEmail]);
    assert.ok(stdout.includes(link), stdout);
    assert.match(stdout, new RegExp(`To: ${inviteeEmail}`));
  });

  it('the invitee opens the link in a fresh browser, accepts, and lands on the accounts page with the invited scope', async () => {
    invitee = await browser.newContext();
    page = await invitee.newPage();
    const res = await page.goto(link);
    assert.equal(res?.status(), 200);
    assert.equal(res?.headers()['cache-control'], 'no-store');
    assert.match(await page.textContent('#invitation-customer') ?? '', new RegExp(`${a.customer.name}.*${a.customer.id}`));
    assert.match(await page.textContent('#invitation-role') ?? '', /^Viewer, on 1 account/);
    assert.equal(await page.textContent('#invitation-email'), inviteeEmail);
    assert.equal(await page.inputValue('#userName'), inviteeEmail);
    assert.equal(await page.inputValue('#firstName'), 'Vera');
    await screenshot(page, 'invitation-accept');

    await page.fill('#password', 'short');
    await page.fill('#confirm', 'short');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type=submit]')]);
    assert.equal(refused.status(), 400);
    assert.match(await page.textContent('ul.errors') ?? '', /at least 8 characters/);

    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await Promise.all([page.waitForURL(/\/accounts\?cid=\d+&aid=\d+$/), page.click('button[type=submit]')]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('cid'), String(a.customer.id));
    assert.equal(url.searchParams.get('aid'), String(second.id));
    // Only the invited account: not the customer's first account.
    const rows = await page.locator('#accounts tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-account-id')));
    assert.deepEqual(rows, [String(second.id)]);
    assert.match(await page.textContent('main') ?? '', /your role: Viewer/);
    assert.equal(await page.locator('#add-account').count(), 0, 'a Viewer gets no Add-account form');

    const user = await store.getUserByName(inviteeEmail);
    assert.equal(user?.customerId, a.customer.id);
    assert.deepEqual(await store.listUserRoles(user!.id), [{ userId: user!.id, customerId: a.customer.id, roleId: 100, accountIds: [second.id] }]);

    const again = await (await browser.newContext()).newPage();
    assert.equal((await again.goto(link))?.status(), 410);
    assert.match(await again.textContent('main') ?? '', /already been accepted/);
  });

  it('a Viewer\'s direct POST to add an account is refused with the API\'s 106, and nothing is stored', async () => {
    const csrf = (await page.getAttribute('header input[name=csrf]', 'value'))!;
    const form = {
      csrf, cid: String(a.customer.id), name: 'Sneaky account', currency: 'USD', businessName: 'Sneaky', line1: '1 Way',
      city: 'Seattle', country: 'US',
    };
    const res = await invitee.request.post(`${server.url}/accounts`, { form, headers: { Origin: server.url }, maxRedirects: 0 });
    assert.equal(res.status(), 403);
    assert.match(await res.text(), /106 UserIsNotAuthorized/);
    // The same post without the CSRF token, or from another site, does not even reach AddAccount.
    for (const [body, origin] of [[{ ...form, csrf: 'forged' }, server.url], [form, 'https://evil.example']] as const) {
      const refused = await invitee.request.post(`${server.url}/accounts`, { form: body, headers: { Origin: origin }, maxRedirects: 0 });
      assert.equal(refused.status(), 403);
      assert.match(await refused.text(), /Request refused/);
    }
    const accounts = await store.queryAccounts({ scope: { customerIds: [a.customer.id], accountIds: [] }, customerId: a.customer.id });
    assert.equal(accounts.some((x) => x.name === 'Sneaky account'), false);
  });

  it('a Viewer\'s developer portal shows only their own tokens and the Super Admin note; requesting one is refused', async () => {
    await page.goto(`${server.url}/developer`);
    assert.equal(await page.locator('#super-admin-note').count(), 1);
    assert.equal(await page.locator('#request-token').count(), 0);
    const csrf = (await page.getAttribute('header input[name=csrf]', 'value'))!;
    const viewer = (await store.getUserByName(inviteeEmail))!;
    for (const userId of [viewer.id, a.user.id]) {
      const res = await invitee.request.post(`${server.url}/developer/tokens`, {
        form: { csrf, userId: String(userId) }, headers: { Origin: server.url }, maxRedirects: 0,
      });
      assert.equal(res.status(), 403);
      assert.match(await res.text(), /106 UserIsNotAuthorized/);
    }
    assert.deepEqual(await store.listDeveloperTokens(viewer.id), []);
  });

  it('a user cannot open another customer (403), nor an account outside their scope', async () => {
    for (const path of [
      `/accounts?cid=${other.customer.id}`,
      `/accounts?cid=${other.customer.id}&aid=${other.account.id}`,
      `/accounts?cid=${a.customer.id}&aid=${a.account.id}`, // A's first account: not invited to it
      `/accounts?cid=${a.customer.id}&aid=${other.account.id}`,
      `/campaign/Campaigns.m?cid=${other.customer.id}&aid=${other.account.id}`,
    ]) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 403, path);
      assert.match(await page.textContent('main') ?? '', /You cannot open/);
      assert.equal((await page.content()).includes(other.account.name), false);
    }
    await screenshot(page, 'accounts-forbidden');
  });

  it('expired and unknown invitation links get clear error pages (410, 404)', async () => {
    const longAgo = new Date(Date.now() - 31 * DAY);
    const { secret } = await createInvitation(new Context(a.user, store, 'sandbox', () => longAgo), {
      FirstName: 'Old', LastName: 'Invite', Email: 'old@example.test', CustomerId: a.customer.id, RoleId: 203,
    });
    const expired = await page.goto(`${server.url}/invitations/accept?token=${secret}`);
    assert.equal(expired?.status(), 410);
    assert.match(await page.textContent('main') ?? '', /expired.*30 days/);
    await screenshot(page, 'invitation-expired');
    for (const query of ['?token=not-a-real-token', '']) {
      const unknown = await page.goto(`${server.url}/invitations/accept${query}`);
      assert.equal(unknown?.status(), 404);
      assert.match(await page.textContent('main') ?? '', /not valid/);
    }
  });

  it('a deleted user\'s session stops working and they cannot sign in (the generic message)', async () => {
    const user = (await store.getUserByName(inviteeEmail))!;
    assert.ok(await store.deleteUser(user.id, user.version, new Date(), a.user.id));
    await page.goto(`${server.url}/accounts`);
    assert.match(page.url(), /\/signin\?return=%2Faccounts$/);
    await page.fill('#userName', inviteeEmail);
    await page.fill('#password', PASSWORD);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type=submit]')]);
    assert.equal(res.status(), 401);
    assert.equal((await page.textContent('ul.errors'))?.trim(), 'The user name or password is incorrect.');
  });
});

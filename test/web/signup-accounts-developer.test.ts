// The web application in a real browser (Debian Chromium via playwright-core) against the real
// server: sign-up → the accounts page (cid/aid in the URL) → adding an account → the developer
// portal (request, use over REST, revoke) → sign-out → sign-in (wrong password, return to the
// page asked for, no open redirect) → the sign-in rate limit. One browser for the whole file; the
// steps build on each other, so they run in order. The rate limit goes last: it locks the name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Store } from '../../src/store/store.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { rest } from '../support/clients.js';
import { screenshot } from '../support/screens.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../support/server.js';

const PASSWORD = 'correct horse battery';

function ids(url: string): { cid: bigint; aid: bigint } {
  const u = new URL(url);
  assert.equal(u.pathname, '/accounts');
  assert.match(u.searchParams.get('cid') ?? '', /^\d+$/);
  assert.match(u.searchParams.get('aid') ?? '', /^\d+$/);
  return { cid: BigInt(u.searchParams.get('cid')!), aid: BigInt(u.searchParams.get('aid')!) };
}

describe('web: sign-up, accounts, developer portal, sign-in', { skip: browserSkipReason() }, () => {
  let server: RunningServer;
  let store: Store;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = `founder-${randomUUID().slice(0, 8)}@example.test`;
  let cid: bigint;
  let firstAid: bigint;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    store = await server.store();
    context = await browser.newContext();
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign-up shows form errors, then creates the customer, its account and the Super Admin', async () => {
    await page.goto(`${server.url}/signup`);
    // The one customer-name rule (customer.md: at most 90 characters), as the API applies it.
    assert.equal(await page.getAttribute('#customerName', 'maxlength'), '90');
    await page.fill('#customerName', 'Founders <Bakery> & Co');
    await page.fill('#accountName', 'Bakery Search');
    await page.selectOption('#currency', 'EUR');
    await page.selectOption('#country', 'DE');
    await page.fill('#firstName', 'Greta');
    await page.fill('#lastName', 'Baker');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', 'something else');
    const refused = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/signup')), page.click('button[type=submit]')]);
    assert.equal(refused[0].status(), 400);
    assert.match(await page.textContent('ul.errors') ?? '', /do not match/);
    // Values survive the round trip (escaped: the name contains < > &).
    assert.equal(await page.inputValue('#customerName'), 'Founders <Bakery> & Co');

    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await Promise.all([page.waitForURL(/\/accounts\?cid=\d+&aid=\d+$/), page.click('button[type=submit]')]);
    ({ cid, aid: firstAid } = ids(page.url()));

    const account = await store.getAccount(firstAid);
    assert.ok(account);
    assert.equal(account.customerId, cid);
    assert.equal(account.name, 'Bakery Search');
    assert.equal(account.currencyCode, 'EUR');
    assert.equal(account.lifeCycleStatus, 'Active');
    const user = await store.getUserByName(email);
    assert.equal(user?.customerId, cid);
    assert.match(user?.passwordHash ?? '', /^scrypt\$/);
    assert.equal((await store.getCustomer(cid))?.name, 'Founders <Bakery> & Co');

    const row = page.locator(`tr[data-account-id="${firstAid}"]`);
    assert.equal(await row.getAttribute('class'), 'current');
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells, [String(firstAid), account.number, 'Bakery Search', 'Active']);
    assert.equal(await page.textContent('#customer-id'), String(cid));
    assert.equal(await page.textContent('#customer-name'), 'Founders <Bakery> & Co');
    await screenshot(page, 'accounts-after-signup');
  });

  it('/accounts without ids and the guide\'s /campaign/Campaigns.m lead to the same page', async () => {
    await page.goto(`${server.url}/accounts`);
    assert.deepEqual(ids(page.url()), { cid, aid: firstAid });
    await page.goto(`${server.url}/campaign/Campaigns.m?cid=${cid}&aid=${firstAid}`);
    assert.deepEqual(ids(page.url()), { cid, aid: firstAid });
    // A browser at the landing page is sent to the web application; API clients keep the JSON.
    await page.goto(server.url);
    assert.deepEqual(ids(page.url()), { cid, aid: firstAid });
    assert.equal((await (await fetch(server.url)).json() as { service: string }).service.startsWith('adcenter'), true);
  });

  it('a Super Admin adds an account: API errors are shown readably, then it appears and is stored', async () => {
    await page.fill('#name', 'Bakery Display');
    await page.selectOption('#add-account #currency', 'EUR');
    await page.fill('#city', 'Berlin');
    // No address line: AddAccount's own error, with its code.
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#add-account button[type=submit]')]);
    assert.equal(refused.status(), 400);
    assert.match(await page.textContent('ul.errors') ?? '', /1140 BusinessAddressInvalid: Account\.BusinessAddress\.Line1 is required/);
    assert.equal(await page.inputValue('#name'), 'Bakery Display');

    await page.fill('#line1', 'Unter den Linden 1');
    await page.fill('#postalCode', '10117');
    await Promise.all([page.waitForURL(/added=1/), page.click('#add-account button[type=submit]')]);
    const url = new URL(page.url());
    const newAid = BigInt(url.searchParams.get('aid')!);
    assert.equal(url.searchParams.get('cid'), String(cid));
    assert.notEqual(newAid, firstAid);
    const stored = await store.getAccount(newAid);
    assert.equal(stored?.customerId, cid);
    assert.equal(stored?.name, 'Bakery Display');
    assert.equal(stored?.lifeCycleStatus, 'Active', 'paid by the customer\'s payment method');
    assert.equal(stored?.businessAddress?.city, 'Berlin');
    assert.match(await page.textContent('.notice') ?? '', /Bakery Display added/);
    const rows = await page.locator('#accounts tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-account-id')));
    assert.deepEqual(rows, [String(firstAid), String(newAid)]);
    assert.equal(await page.locator(`tr[data-account-id="${newAid}"]`).getAttribute('class'), 'current');
    assert.deepEqual(await page.locator(`tr[data-account-id="${newAid}"] td`).allTextContents(),
      [String(newAid), stored!.number, 'Bakery Display', 'Active']);
    await screenshot(page, 'accounts-added');
  });

  it('the developer portal requests a token shown once, the API accepts it, and after revoking refuses it (105)', async () => {
    await page.click('header a[href="/developer"]');
    assert.match(await page.textContent('#environment') ?? '', new RegExp(`sandbox.*${SANDBOX_DEVELOPER_TOKEN}`, 's'));
    assert.equal(await page.locator('#no-tokens').count(), 1);
    const user = (await store.getUserByName(email))!;
    await page.selectOption('#userId', String(user.id));
    await page.click('#request-token button[type=submit]');
    const token = (await page.textContent('#developer-token'))!.trim();
    assert.match(token, /^[A-Z0-9]{20}$/);
    await screenshot(page, 'developer-token-issued');

    const accessToken = await server.token(email);
    const getUser = (developerToken: string): ReturnType<typeof rest> =>
      rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: accessToken, developerToken });
    const ok = await getUser(token);
    assert.equal(ok.status, 200, ok.text);
    assert.equal((ok.body.User as { UserName: string }).UserName, email);

    await page.click('header a[href="/developer"]');
    const row = page.locator('#developer-tokens tbody tr');
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent() ?? '', new RegExp(`…${token.slice(-4)}.*Active`, 's'));
    assert.equal(await page.content().then((html) => html.includes(token)), false, 'the token is never shown again');
    await row.locator('button', { hasText: 'Revoke' }).click();
    assert.match(await page.textContent('.notice') ?? '', /revoked/);
    assert.match(await page.locator('#developer-tokens tbody tr').textContent() ?? '', /Revoked \d{4}-/);
    assert.equal(await page.locator('#developer-tokens button').count(), 0);

    const refused = await getUser(token);
    assert.equal(refused.status, 401);
    assert.deepEqual((refused.body.Errors as Array<{ Code: number }>).map((e) => e.Code), [105]);
    // The universal sandbox token still works in the sandbox.
    assert.equal((await getUser(SANDBOX_DEVELOPER_TOKEN)).status, 200);
  });

  it('the portal registers OAuth applications: errors shown, client_id listed, the secret shown once', async () => {
    await page.click('header a[href="/developer"]');
    assert.equal(await page.locator('#no-apps').count(), 1);
    await page.fill('#appName', 'Bakery reports');
    await page.fill('#redirectUris', 'http://evil.example/callback');
    await page.check('input[name=appType][value=confidential]');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#register-app button[type=submit]')]);
    assert.equal(refused.status(), 400);
    assert.match(await page.textContent('ul.errors') ?? '', /http is allowed only for http:\/\/localhost/);

    await page.fill('#redirectUris', 'https://reports.example/callback\nhttp://localhost/cb');
    await page.click('#register-app button[type=submit]');
    const clientId = (await page.textContent('#client-id'))!.trim();
    const secret = (await page.textContent('#client-secret'))!.trim();
    assert.match(clientId, /^[0-9a-f-]{36}$/);
    assert.ok(secret.length >= 20);
    const stored = await store.getOAuthClient(clientId);
    assert.equal(stored?.ownerUserId, (await store.getUserByName(email))!.id);
    assert.deepEqual(stored?.redirectUris, ['https://reports.example/callback', 'http://localhost/cb']);
    assert.equal(stored?.confidential, true);

    await page.click('header a[href="/developer"]');
    const listed = await page.textContent('#applications') ?? '';
    assert.match(listed, new RegExp(`Bakery reports.*${clientId}.*confidential.*https://reports.example/callback`, 's'));
    assert.equal((await page.content()).includes(secret), false, 'the secret is never shown again');
    await screenshot(page, 'developer-portal');
  });

  it('signing out ends the session; a protected page asks to sign in and comes back after it', async () => {
    // Signed in, the sign-in page still asks (OAuth prompt=login sends users here to re-authenticate).
    await page.goto(`${server.url}/signin?return=%2Fdeveloper`);
    assert.match(await page.textContent('#signed-in-as') ?? '', new RegExp(`signed in as ${email}`));
    await page.locator('header button', { hasText: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await page.goto(`${server.url}/developer`);
    assert.match(page.url(), /\/signin\?return=%2Fdeveloper$/);

    // Wrong password and unknown user name: one generic message, HTTP 401.
    for (const [name, password] of [[email, 'wrong password'], [`nobody-${randomUUID()}@example.test`, PASSWORD]] as const) {
      await page.fill('#userName', name);
      await page.fill('#password', password);
      const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type=submit]')]);
      assert.equal(res.status(), 401);
      assert.equal((await page.textContent('ul.errors'))?.trim(), 'The user name or password is incorrect.');
    }
    await screenshot(page, 'signin-failed');
    await page.fill('#userName', email.toUpperCase()); // user names are case-insensitive
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/developer$/), page.click('button[type=submit]')]);
    assert.equal(await page.textContent('h1'), 'Developer portal');
  });

  it('sign-in never redirects off the site, whatever `return` says', async () => {
    await page.locator('header button', { hasText: 'Sign out' }).click();
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example']) {
      await page.goto(`${server.url}/signin?return=${encodeURIComponent(evil)}`);
      await page.fill('#userName', email);
      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForURL(/\/accounts\?cid=/), page.click('button[type=submit]')]);
      assert.equal(new URL(page.url()).origin, server.url);
      await page.locator('header button', { hasText: 'Sign out' }).click();
      await page.waitForURL(/\/signin$/);
    }
  });

  it('form posts without the CSRF token or from another origin are refused', async () => {
    const base = { userName: email, password: PASSWORD };
    const noToken = await context.request.post(`${server.url}/signin`, { form: base, headers: { Origin: server.url }, maxRedirects: 0 });
    assert.equal(noToken.status(), 403);
    await page.goto(`${server.url}/signin`);
    const csrf = (await page.getAttribute('input[name=csrf]', 'value'))!;
    const foreign = await context.request.post(`${server.url}/signin`, { form: { ...base, csrf }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
    assert.equal(foreign.status(), 403);
    const good = await context.request.post(`${server.url}/signin`, { form: { ...base, csrf }, headers: { Origin: server.url }, maxRedirects: 0 });
    assert.equal(good.status(), 303, await good.text() + JSON.stringify(await context.cookies()));
    assert.equal(good.headers()['cache-control'], 'no-store');
  });

  it('five failures for a user name lock it out for 15 minutes, even with the right password (429)', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/signin`);
    for (let i = 0; i < 5; i++) {
      await page.fill('#userName', email);
      await page.fill('#password', `wrong ${i}`);
      const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type=submit]')]);
      assert.equal(res.status(), 401);
    }
    await page.fill('#userName', email);
    await page.fill('#password', PASSWORD);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type=submit]')]);
    assert.equal(res.status(), 429);
    assert.ok(Number((await res.allHeaders())['retry-after']) > 0);
    assert.match(await page.textContent('main') ?? '', /Too many failed sign-in attempts/);
    await screenshot(page, 'signin-rate-limited');

    // A burst of parallel guesses for another name: attempts count before the slow password check,
    // so no more than five get through to it.
    await page.goto(`${server.url}/signin`);
    const csrf = (await page.getAttribute('input[name=csrf]', 'value'))!;
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => context.request.post(`${server.url}/signin`, {
      form: { csrf, userName: 'burst@example.test', password: `guess ${i}` }, headers: { Origin: server.url }, maxRedirects: 0,
    }).then((r) => r.status())));
    assert.deepEqual(statuses.filter((s) => s === 401).length, 5, statuses.join());
    assert.deepEqual(statuses.filter((s) => s === 429).length, 5, statuses.join());
  });
});

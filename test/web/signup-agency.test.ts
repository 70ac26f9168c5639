// The sign-up page's agency option, over HTTP form posts as a browser sends them (cookie-bound
// form token, same Origin): ticked, the new customer is an agency; left alone, it is not; a
// refused form keeps the box ticked (README "Setting up the hierarchy").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/store/store.js';
import { startServer, type RunningServer } from '../support/server.js';

describe('web: sign-up as an agency', () => {
  let server: RunningServer;
  let store: Store;
  before(async () => { server = await startServer(); store = await server.store(); });
  after(async () => { await server?.stop(); });

  /** GETs the form, then posts it with the fields given; returns the response (redirects not followed). */
  async function post(fields: Record<string, string>): Promise<Response> {
    const form = await fetch(`${server.url}/signup`);
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    return fetch(`${server.url}/signup`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: server.url },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  }

  function complete(over: Record<string, string> = {}): Record<string, string> {
    const email = `agency-${randomUUID().slice(0, 8)}@example.test`;
    return {
      customerName: `Agency ${email}`, accountName: 'Agency account', currency: 'USD', country: 'US', firstName: 'Ada',
      lastName: 'Agent', email, password: 'correct horse battery', confirm: 'correct horse battery', ...over,
    };
  }

  it('the form offers the agency box, unticked', async () => {
    const page = await (await fetch(`${server.url}/signup`)).text();
    assert.match(page, /<input id="agency" name="agency" type="checkbox" value="yes">/);
  });

  it('ticked: the new customer is an agency; not ticked: an ordinary customer', async () => {
    for (const agency of [true, false]) {
      const res = await post(complete(agency ? { agency: 'yes' } : {}));
      assert.equal(res.status, 303, await res.text());
      const cid = BigInt(new URL(res.headers.get('location')!, server.url).searchParams.get('cid')!);
      assert.equal((await store.getCustomer(cid))?.isAgency, agency);
    }
  });

  it('a refused form comes back with the box still ticked, and creates nothing', async () => {
    const fields = complete({ agency: 'yes', confirm: 'something else' });
    const res = await post(fields);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<input id="agency" name="agency" type="checkbox" value="yes" checked>/);
    assert.equal(await store.getUserByName(fields.email!), null);
  });
});

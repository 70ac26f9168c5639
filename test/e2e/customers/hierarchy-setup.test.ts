// Setting up the hierarchy as an operator, through the real `adcenter` process (README "Setting up
// the hierarchy"): `customer create [--agency]` prints ids and the password once and the new
// Super Admin can use the API; `user account-manager` designates (and --revoke undesignates) the
// internal account manager who alone may DeleteCustomer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { verifyPassword } from '../../../src/auth/passwords.js';
import type { Store } from '../../../src/store/store.js';
import { faces } from '../../support/faces.js';
import { uniqueName } from '../../support/names.js';
import { CLI, startServer, type RunningServer } from '../../support/server.js';

const run = promisify(execFile);

/** Runs `adcenter …` on the server's store; returns the key=value lines of stdout. */
async function adcenter(server: RunningServer, ...args: string[]): Promise<Record<string, string>> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--data', server.dataDir]);
  return Object.fromEntries(stdout.trim().split('\n').map((l) => l.split('=', 2) as [string, string]));
}

describe('adcenter customer create and user account-manager', () => {
  let server: RunningServer;
  let store: Store;
  before(async () => { server = await startServer(); store = await server.store(); });
  after(async () => { await server?.stop(); });

  it('customer create --agency: an agency customer, its first account and its Super Admin; ids and password printed', async () => {
    const email = `${uniqueName('agency-admin')}@example.test`;
    const name = uniqueName('Émile Agency');
    const out = await adcenter(server, 'customer', 'create', '--name', name, '--email', email, '--agency');
    assert.deepEqual(Object.keys(out), ['customer_id', 'customer_number', 'agency', 'account_id', 'account_number', 'user_id', 'user_name', 'password']);
    const customer = await store.getCustomer(BigInt(out.customer_id!));
    assert.ok(customer);
    assert.equal(customer.name, name);
    assert.equal(customer.isAgency, true);
    assert.equal(customer.number, out.customer_number);
    assert.match(customer.number, /^[A-Z][A-Z0-9]{9}$/);
    assert.equal(out.agency, 'true');
    const account = await store.getAccount(BigInt(out.account_id!));
    assert.equal(account?.customerId, customer.id);
    assert.equal(account?.lifeCycleStatus, 'Active');
    const user = await store.getUserByName(email);
    assert.equal(user?.id.toString(), out.user_id);
    assert.ok(await verifyPassword(out.password!, user!.passwordHash!), 'the printed password signs in');
    assert.deepEqual((await store.listUserRoles(user!.id)).map((r) => [r.customerId, r.roleId, r.accountIds]), [[customer.id, 41, null]]);

    // The new Super Admin reaches the customer over the API.
    const token = (await run(process.execPath, [CLI, 'token', '--data', server.dataDir, '--user', email])).stdout.trim().split('\n').at(-1)!;
    const got = await faces(server).rest('GetCustomer', { CustomerId: out.customer_id }, token);
    assert.equal(got.status, 200, got.text);
    assert.equal((got.body.Customer as { Name: string }).Name, name);
  });

  it('customer create without --agency is an ordinary customer; a taken e-mail or a name over 90 fails, creating nothing', async () => {
    const email = `${uniqueName('plain')}@example.test`;
    const out = await adcenter(server, 'customer', 'create', '--name', uniqueName('Plain'), '--email', email);
    assert.equal((await store.getCustomer(BigInt(out.customer_id!)))?.isAgency, false);
    await assert.rejects(adcenter(server, 'customer', 'create', '--name', uniqueName('Again'), '--email', email), /already exists/);
    const long = `${uniqueName('long')}@example.test`;
    await assert.rejects(adcenter(server, 'customer', 'create', '--name', 'x'.repeat(91), '--email', long), /at most 90/);
    assert.equal(await store.getUserByName(long), null);
  });

  it('user account-manager lets a user delete customers; --revoke takes it back; an unknown user fails', async () => {
    const email = `${uniqueName('manager')}@example.test`;
    const made = await adcenter(server, 'customer', 'create', '--name', uniqueName('Managers'), '--email', email);
    const out = await adcenter(server, 'user', 'account-manager', email);
    assert.deepEqual(out, { user_id: made.user_id, account_manager: 'true' });
    assert.equal(await store.isAccountManager(BigInt(made.user_id!)), true);
    await adcenter(server, 'user', 'account-manager', email, '--revoke');
    assert.equal(await store.isAccountManager(BigInt(made.user_id!)), false);
    await assert.rejects(adcenter(server, 'user', 'account-manager', 'nobody@example.invalid'), /No user named/);
  });
});

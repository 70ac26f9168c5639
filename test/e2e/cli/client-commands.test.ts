// The API commands of `adcenter` (accounts, customers, users, links, call), built on
// adcenter-client, against a real server: tables for people, --json for scripts, what was stored,
// and faults reported with their code and TrackingId (exit status 1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, startServer, type RunningServer } from '../../support/server.js';
import type { Store } from '../../../src/store/store.js';
import { createTestTenant, insertTestUser, type TestTenant } from '../../support/fixtures.js';

interface Ran { code: number; stdout: string; stderr: string }

describe('adcenter API commands (adcenter-client)', () => {
  let server: RunningServer;
  let store: Store;
  let token: string;
  let me: { userId: string; customerId: string; accountId: string };

  const cli = (args: string[], env: Record<string, string> = {}): Promise<Ran> => new Promise((resolve) => {
    const base: Record<string, string> = { PATH: process.env.PATH ?? '', ADCENTER_URL: server.url, ADCENTER_TOKEN: token };
    execFile(process.execPath, [CLI, ...args], { env: { ...base, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
  const json = async <T>(args: string[], env?: Record<string, string>): Promise<T> => {
    const r = await cli([...args, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as T;
  };

  before(async () => {
    server = await startServer();
    store = await server.store();
    token = await server.token();
    const user = await json<{ User: { Id: string }; CustomerRoles: Array<{ CustomerId: string }> }>(['call', 'GetUser', '--body', '{"UserId":null}']);
    const customerId = user.CustomerRoles[0]!.CustomerId;
    const accounts = await json<{ AccountsInfo: Array<{ Id: string }> }>(['call', 'GetAccountsInfo', '--body', JSON.stringify({ CustomerId: customerId })]);
    me = { userId: user.User.Id, customerId, accountId: accounts.AccountsInfo[0]!.Id };
  });
  after(async () => { await server?.stop(); });

  it('call: any operation, body inline or from a file, the same answer over SOAP', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'adcenter-call-')), 'body.json');
    writeFileSync(file, JSON.stringify({ AccountId: me.accountId }));
    const r = await cli(['call', 'getaccount', '--body', `@${file}`]);
    assert.equal(r.code, 0, r.stderr);
    const viaRest = JSON.parse(r.stdout) as { Account: { Id: string; ParentCustomerId: string } };
    assert.equal(viaRest.Account.Id, me.accountId);
    assert.equal(viaRest.Account.ParentCustomerId, me.customerId);
    const viaSoap = await cli(['call', 'GetAccount', '--body', `@${file}`, '--protocol', 'soap']);
    assert.deepEqual(JSON.parse(viaSoap.stdout), viaRest);
    const unknown = await cli(['call', 'GetEverything']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /not an operation; one of: GetAccountsInfo, FindAccounts/);
  });

  it('a fault: exit 1, the operation, code, ErrorCode, message and TrackingId on stderr', async () => {
    const other = await createTestTenant(store, 'sandbox', 'CLI other');
    const r = await cli(['accounts', 'get', other.account.id.toString()]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^adcenter: GetAccount failed \(HTTP 403, TrackingId [0-9a-f-]{36}\):\n {2}106 UserIsNotAuthorized: The user is not authorized/);
    assert.equal(r.stdout, '');
    const noToken = await cli(['accounts', 'find'], { ADCENTER_TOKEN: '' });
    assert.match(noToken.stderr, /no access token: pass --token or set ADCENTER_TOKEN/);
    const unreachable = await cli(['users', 'roles', '--url', 'http://127.0.0.1:9']);
    assert.match(unreachable.stderr, /cannot reach the server/);
  });

  it('accounts: find (table and JSON), get, add, update, delete', async () => {
    const table = await cli(['accounts', 'find']);
    assert.equal(table.code, 0, table.stderr);
    const [header, rule, ...rows] = table.stdout.trimEnd().split('\n');
    assert.match(header!, /^Id\s+Number\s+Name\s+AccountLifeCycleStatus\s+CurrencyCode\s+ParentCustomerId$/);
    assert.match(rule!, /^-+ +-+/);
    assert.ok(rows.some((row) => row.startsWith(`${me.accountId} `)));

    const added = await json<{ AccountId: string; AccountNumber: string }>(['accounts', 'add', '--name', 'CLI Account ä', '--line1', '1 Main St',
      '--city', 'Redmond', '--state', 'WA', '--postal-code', '98052', '--country', 'US', '--business-name', 'Contoso', '--set', '{"TimeZone":"BrusselsCopenhagenMadridParis"}']);
    const stored = await store.getAccount(BigInt(added.AccountId));
    assert.equal(stored?.name, 'CLI Account ä');
    assert.equal(stored?.timeZone, 'BrusselsCopenhagenMadridParis');
    assert.equal(stored?.customerId.toString(), me.customerId);

    const found = await json<Array<{ Id: string; Name: string }>>(['accounts', 'find', 'CLI Account']);
    assert.deepEqual(found.map((a) => a.Id), [added.AccountId]);

    const updated = await cli(['accounts', 'update', added.AccountId, '--name', 'CLI Account renamed']);
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, /^LastModifiedTime {2}\d{4}-/);
    assert.equal((await store.getAccount(BigInt(added.AccountId)))?.name, 'CLI Account renamed');

    const got = await cli(['accounts', 'get', added.AccountId]);
    assert.match(got.stdout, /^Name +CLI Account renamed$/m);

    const deleted = await cli(['accounts', 'delete', added.AccountId]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, `deleted ${added.AccountId}\n`);
    assert.notEqual((await store.getAccount(BigInt(added.AccountId)))?.lifeCycleStatus ?? 'gone', 'Active');
  });

  it('a progress bar on a terminal only (script(1) gives the command a pseudo-terminal)', async () => {
    const tty = await new Promise<string>((resolve) => {
      execFile('script', ['-q', '-e', '-c', `${process.execPath} ${CLI} accounts find`, '/dev/null'],
        { env: { PATH: process.env.PATH ?? '', ADCENTER_URL: server.url, ADCENTER_TOKEN: token, TERM: 'dumb' } }, (_err, stdout) => resolve(stdout));
    });
    assert.match(tty, /\rfetching accounts: 0\u001b\[K\rfetching accounts: 1\u001b\[K/);
    assert.match(tty, new RegExp(`\\n${me.accountId} `), 'the table follows');
    const piped = await cli(['accounts', 'find']);
    assert.doesNotMatch(piped.stderr + piped.stdout, /fetching accounts/);
  });

  it('customers: list, get, signup', async () => {
    const list = await json<Array<{ Id: string; Name: string }>>(['customers', 'list']);
    assert.ok(list.some((c) => c.Id === me.customerId));
    const got = await cli(['customers', 'get', me.customerId]);
    assert.match(got.stdout, new RegExp(`^Id +${me.customerId}$`, 'm'));
    // SignupCustomer needs the Aggregator role on the parent customer.
    const aggregator = await insertTestUser(store, 'sandbox', { customerId: BigInt(me.customerId), roleId: 33, label: 'cli-aggregator' });
    const signed = await json<{ CustomerId: string; AccountId: string }>(['customers', 'signup', '--name', 'CLI Client Ltd', '--parent', me.customerId,
      '--line1', '1 Main St', '--city', 'Redmond', '--state', 'WA', '--postal-code', '98052', '--business-name', 'CLI Client Ltd'], { ADCENTER_TOKEN: aggregator.token });
    assert.equal((await store.getCustomer(BigInt(signed.CustomerId)))?.name, 'CLI Client Ltd');
    assert.equal((await store.getAccount(BigInt(signed.AccountId)))?.name, 'CLI Client Ltd account');
  });

  it('users: list, roles, invite', async () => {
    const list = await cli(['users', 'list']);
    assert.match(list.stdout, new RegExp(`^${me.userId} +\\S+@`, 'm'));
    const roles = await cli(['users', 'roles']);
    assert.match(roles.stdout, new RegExp(`^${me.customerId} +41 +SuperAdmin`, 'm'));
    const invited = await cli(['users', 'invite', '--email', 'new.person@example.com', '--first-name', 'New', '--last-name', 'Person', '--role', 'Viewer']);
    assert.equal(invited.code, 0, invited.stderr);
    const id = /^invitation (\d+) sent to new\.person@example\.com$/m.exec(invited.stdout)?.[1];
    assert.ok(id, invited.stdout);
    const search = await json<{ UserInvitations: Array<{ Id: string; RoleId: number }> }>(['call', 'SearchUserInvitations', '--body',
      JSON.stringify({ Predicates: [{ Field: 'CustomerId', Operator: 'In', Value: me.customerId }] })]);
    assert.equal(search.UserInvitations.find((i) => i.Id === id)?.RoleId, 100);
  });

  it('links: add, list, accept and decline (the client\'s side, with its own --token)', async () => {
    const clients: TestTenant[] = [await createTestTenant(store, 'sandbox', 'CLI link A'), await createTestTenant(store, 'sandbox', 'CLI link B')];
    const ids = clients.map((c) => c.account.id.toString());
    const added = await cli(['links', 'add', ...ids, '--note', 'hello']);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, `requested: ${ids.join(', ')}\n`);
    const listed = await json<Array<{ ClientEntityId: string; Status: string }>>(['links', 'list']);
    assert.deepEqual(listed.filter((l) => ids.includes(l.ClientEntityId)).map((l) => l.Status), ['LinkPending', 'LinkPending']);

    const accepted = await cli(['links', 'accept', ids[0]!, '--managing-customer', me.customerId, '--token', clients[0]!.token]);
    assert.equal(accepted.code, 0, accepted.stderr);
    const declined = await cli(['links', 'decline', ids[1]!, '--managing-customer', me.customerId, '--token', clients[1]!.token]);
    assert.equal(declined.code, 0, declined.stderr);
    const status = async (c: TestTenant): Promise<string | undefined> => (await store.listClientLinksByClient('AccountLink', [c.account.id])).at(-1)?.status;
    assert.equal(await status(clients[0]!), 'Active');
    assert.equal(await status(clients[1]!), 'LinkDeclined');

    // Accepting again fails for that link: reported with its code, exit 1.
    const again = await cli(['links', 'accept', ids[1]!, '--managing-customer', me.customerId, '--token', clients[1]!.token]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, new RegExp(`some links failed:\\n {2}account ${ids[1]}: \\d+: `));
  });
});

// The README's promises about the command: first start creates and prints the demo tenant,
// data survives a restart, a store keeps its environment, `adcenter token` works while the
// server runs, and no credential ever reaches the log.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from '../../support/server.js';
import { rest, soap } from '../../support/clients.js';

const run = promisify(execFile);

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `adcenter serve` capturing everything it prints (stdout and stderr). */
async function serve(dataDir: string, args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && /\n/.test(out.slice(out.indexOf(m[0])))) { clearInterval(timer); resolve(m[1]!); }
    }, 20);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`exited ${code}: ${out}`)); });
  });
  await new Promise((r) => setTimeout(r, 100)); // let the rest of the banner arrive
  return {
    child, url, output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

async function token(dataDir: string, extra: string[] = []): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, 'token', '--data', dataDir, ...extra]);
  return stdout.trim().split('\n').at(-1)!;
}

describe('adcenter command', () => {
  const dirs: string[] = [];
  const fresh = (): string => { const d = mkdtempSync(join(tmpdir(), 'adcenter-cli-')); dirs.push(d); return d; };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('first start creates the demo tenant and prints it; a restart keeps the data and creates nothing', async () => {
    const dir = fresh();
    const first = await serve(dir, ['--log-level', 'warn']);
    const banner = first.output();
    assert.match(banner, /Created the demo tenant/);
    const accountId = /account\s+Demo Account\s+id (\d+)\s+number ([A-Z0-9]{8})/.exec(banner);
    assert.ok(accountId, banner);
    assert.match(banner, /role Super Admin\s+password \S+/);
    assert.match(banner, /developer token\s+BBD37VB98/);
    assert.match(banner, /adcenter token/);

    const landing = await fetch(`${first.url}/`);
    assert.equal(landing.status, 200);
    assert.equal(((await landing.json()) as { environment: string }).environment, 'sandbox');
    await first.stop();

    const second = await serve(dir, ['--log-level', 'warn']);
    assert.doesNotMatch(second.output(), /Created the demo tenant/);
    const t = await token(dir);
    const found = await rest(second.url, 'POST', '/CustomerManagement/v13/Accounts/Find',
      { AccountFilter: '', TopN: 10 }, { token: t, developerToken: 'BBD37VB98' });
    assert.equal(found.status, 200);
    assert.deepEqual((found.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id), [accountId[1]]);
    await second.stop();
  });

  it('a store keeps the environment it was created for', async () => {
    const dir = fresh();
    const sandbox = await serve(dir, ['--environment', 'sandbox', '--log-level', 'warn']);
    await sandbox.stop();
    await assert.rejects(serve(dir, ['--environment', 'production']), /holds sandbox data/);
  });

  it('a production store issues its own developer token and refuses the universal sandbox one', async () => {
    const dir = fresh();
    const prod = await serve(dir, ['--environment', 'production', '--log-level', 'warn']);
    const developerToken = /developer token\s+([A-Z0-9]{20})\s+\(shown only now\)/.exec(prod.output())?.[1];
    assert.ok(developerToken, prod.output());
    const t = await token(dir);
    assert.match(t, /^prd\./);
    const ok = await rest(prod.url, 'POST', '/CustomerManagement/v13/CurrentUser/Query', {}, { token: t, developerToken });
    assert.equal(ok.status, 200);
    const refused = await rest(prod.url, 'POST', '/CustomerManagement/v13/CurrentUser/Query', {}, { token: t, developerToken: 'BBD37VB98' });
    assert.equal(refused.status, 401);
    assert.equal((refused.body.Errors as Array<{ Code: number }>)[0]!.Code, 105);
    await prod.stop();
  });

  it('token --user for an unknown user fails with a message and no token', async () => {
    const dir = fresh();
    await assert.rejects(run(process.execPath, [CLI, 'token', '--data', dir, '--user', 'nobody@example.com']),
      (err: Error & { code?: number; stdout?: string; stderr?: string }) => {
        assert.equal(err.code, 1);
        assert.equal(err.stdout, '');
        assert.match(err.stderr ?? '', /No user named nobody@example\.com/);
        return true;
      });
  });

  it('never logs access tokens, developer tokens or passwords, even at trace level', async () => {
    const dir = fresh();
    const server = await serve(dir, ['--log-level', 'trace']);
    const before = server.output().length;
    const t = await token(dir);
    const soapUrl = `${server.url}/Api/CustomerManagement/v13/CustomerManagementService.svc`;
    await soap(soapUrl, 'GetUser', '<UserId i:nil="true"/>', { token: t, developerToken: 'BBD37VB98' });
    await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: t, developerToken: 'BBD37VB98' });
    await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', {}, {
      token: 'sbx.not-a-real-token-value', developerToken: 'SECRETDEVTOKEN123', headers: { Password: 'hunter2-password' },
    });
    await new Promise((r) => setTimeout(r, 200));
    const log = server.output().slice(before);
    assert.match(log, /"reqId"/, 'the requests were logged');
    for (const secret of [t, 'sbx.not-a-real-token-value', 'SECRETDEVTOKEN123', 'hunter2-password', 'BBD37VB98']) {
      assert.ok(!log.includes(secret), `log contains ${secret.slice(0, 12)}…`);
    }
    await server.stop();
  });
});

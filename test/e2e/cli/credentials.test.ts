// Credentials are never lost (issue 11): the demo tenant is printed by whichever command creates
// it — `token` and `app register` on stderr (stdout of `token` stays the token), a `serve` that
// fails on a busy port on stderr as it exits — and `adcenter user password` sets a new password
// (printed once, or from --password / --password-stdin), ending the user's web sessions.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServe } from '../../support/serve-process.js';
import { CLI, type RunningServer } from '../../support/server.js';
import { DEMO_USER_NAME, signInOverHttp } from '../../support/web-sign-in.js';


const folders: string[] = [];
after(() => { for (const f of folders) rmSync(f, { recursive: true, force: true }); });

function freshData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'adcenter-cred-'));
  folders.push(dir);
  return dir;
}

/** Runs `adcenter …`; resolves with its exit code and output, whatever the code. */
function cli(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdin.end(stdin ?? '');
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const passwordIn = (text: string): string | undefined => /password (\S+)/.exec(text)?.[1];

/** Signs in on a server over the data folder (started here, stopped after). */
async function withServer<T>(dataDir: string, use: (server: RunningServer) => Promise<T>, args: string[] = []): Promise<T> {
  const proc = spawnServe(['--data', dataDir, ...args]);
  const started = await proc.started;
  assert.ok('url' in started, proc.output());
  try {
    return await use({ url: started.url } as RunningServer);
  } finally {
    await proc.stop();
  }
}

describe('the demo tenant is printed by whoever creates it', () => {
  it('`token` on a new store: stdout is the token alone, the demo tenant and its password on stderr; serve then prints none', async () => {
    const data = freshData();
    const r = await cli(['token', '--data', data]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\S+\n$/, 'only the token on stdout');
    assert.match(r.stderr, /Created the demo tenant/);
    const password = passwordIn(r.stderr);
    assert.ok(password);
    assert.match(r.stderr, /adcenter user password admin@adcenter\.local/, 'says how to recover');
    await withServer(data, async (server) => {
      assert.ok((await signInOverHttp(server, DEMO_USER_NAME, password)).sessionCookie, 'the printed password signs in');
    });
    // A second command finds the tenant made: nothing printed again.
    const again = await cli(['token', '--data', data]);
    assert.doesNotMatch(again.stderr, /Created the demo tenant|password/);
  });

  it('`app register` on a new store prints the demo tenant on stderr', async () => {
    const data = freshData();
    const r = await cli(['app', 'register', '--data', data, '--name', 'Tööl', '--redirect-uri', 'http://localhost:5000/cb']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Created the demo tenant/);
    assert.ok(passwordIn(r.stderr));
    assert.doesNotMatch(r.stdout, /password \S+/, 'stdout keeps the registration alone');
  });

  it('a `serve` that fails on a busy port still shows the demo tenant it created (stderr), exit code non-zero', async () => {
    const data = freshData();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cli(['serve', '--data', data, '--port', String(port), '--log-level', 'warn']);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /Created the demo tenant/);
      const password = passwordIn(r.stderr);
      assert.ok(password, r.stderr);
      await withServer(data, async (server) => {
        assert.ok((await signInOverHttp(server, DEMO_USER_NAME, password)).sessionCookie);
      });
    } finally {
      blocker.close();
    }
  });
});

describe('adcenter user password', () => {
  it('prints a new random password once; the old one stops working, the new one signs in, web sessions end', async () => {
    const data = freshData();
    const first = await cli(['token', '--data', data]);
    const old = passwordIn(first.stderr)!;
    await withServer(data, async (server) => {
      const before = await signInOverHttp(server, DEMO_USER_NAME, old);
      assert.ok(before.sessionCookie);
      const r = await cli(['user', 'password', 'ADMIN@adcenter.local', '--data', data]);
      assert.equal(r.code, 0, r.stderr);
      const password = /^password=(\S+)$/m.exec(r.stdout)?.[1];
      assert.ok(password && password.length >= 12);
      assert.match(r.stdout, /^user_name=admin@adcenter\.local$/m);
      assert.match(r.stderr, /shown only now/);
      // The session from before the change is over…
      const page = await fetch(`${server.url}/accounts`, { headers: { Cookie: before.sessionCookie! }, redirect: 'manual' });
      assert.match(page.headers.get('location') ?? '', /^\/signin/);
      // …the old password is refused and the new one signs in.
      assert.equal((await signInOverHttp(server, DEMO_USER_NAME, old)).posted.status, 401);
      assert.ok((await signInOverHttp(server, DEMO_USER_NAME, password)).sessionCookie);
    });
  });

  it('--password-stdin and --password set the given password and print none; bad input is refused with exit 1', async () => {
    const data = freshData();
    await cli(['token', '--data', data]);
    const viaStdin = await cli(['user', 'password', DEMO_USER_NAME, '--data', data, '--password-stdin'], 'Ünïcode stdin pässword\nignored\n');
    assert.equal(viaStdin.code, 0, viaStdin.stderr);
    assert.doesNotMatch(viaStdin.stdout, /password=/);
    await withServer(data, async (server) => {
      assert.ok((await signInOverHttp(server, DEMO_USER_NAME, 'Ünïcode stdin pässword')).sessionCookie);
    });
    const viaOption = await cli(['user', 'password', DEMO_USER_NAME, '--data', data, '--password', 'option password 1']);
    assert.equal(viaOption.code, 0, viaOption.stderr);
    await withServer(data, async (server) => {
      assert.ok((await signInOverHttp(server, DEMO_USER_NAME, 'option password 1')).sessionCookie);
    });
    const unknown = await cli(['user', 'password', 'nobody@example.test', '--data', data]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No user named nobody@example\.test/);
    assert.equal(unknown.stdout, '');
    const short = await cli(['user', 'password', DEMO_USER_NAME, '--data', data, '--password', 'short']);
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 8/);
  });
});



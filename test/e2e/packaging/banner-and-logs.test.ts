// What `adcenter serve` prints where: the banner (addresses, demo tenant, the exact `token`
// command for this store) on stderr; on stdout only log lines — JSON when piped, readable
// lines on a terminal.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from '../../support/server.js';
import { cleanEnv, startServe } from '../../support/cli-process.js';
import { readableLine } from '../../../src/cli/log-format.js';

const run = promisify(execFile);

describe('banner and logs', () => {
  const dirs: string[] = [];
  const fresh = (): string => { const d = mkdtempSync(join(tmpdir(), 'adcenter-banner-')); dirs.push(d); return d; };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('the banner goes to stderr and names the token command for this store, which works as printed; stdout has only JSON log lines', async () => {
    const data = fresh();
    const server = await startServe(['--port', '0', '--data', data, '--log-level', 'info']);
    try {
      const banner = server.stderr();
      assert.match(banner, /^adcenter \(sandbox, sqlite\) listening on http:\/\/127\.0\.0\.1:\d+\n/);
      assert.match(banner, /Created the demo tenant/);
      const command = /An access token for the demo Super Admin: {2}(.+)\n/.exec(banner)?.[1];
      assert.equal(command, `npx adcenter token --data ${data}`);

      // Run it as printed (npx adcenter = this build's CLI), from another folder.
      const args = command!.split(' ').slice(2);
      const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: tmpdir(), env: cleanEnv() });
      const token = stdout.trim().split('\n').at(-1)!;
      const me = await fetch(`${server.url}/CustomerManagement/v13/User/Query`, {
        method: 'POST', body: '{"UserId":null}',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, DeveloperToken: 'BBD37VB98' },
      });
      assert.equal(me.status, 200);

      await new Promise((r) => setTimeout(r, 200));
      const lines = server.stdout().trim().split('\n');
      assert.ok(lines.length >= 2, server.stdout()); // listening, then one line per request
      for (const line of lines) {
        const entry = JSON.parse(line) as { level: number; msg: string };
        assert.equal(typeof entry.level, 'number', line);
      }
      assert.ok(lines.some((l) => (JSON.parse(l) as { msg: string }).msg === 'request'), 'requests are logged');
      assert.doesNotMatch(server.stdout(), /Created the demo tenant|password/);
    } finally {
      await server.stop();
    }
  });

  it('a path with spaces is quoted in the token command', async () => {
    const data = join(fresh(), 'my data');
    const server = await startServe(['--port', '0', '--data', data, '--log-level', 'warn']);
    try {
      assert.ok(server.stderr().includes(`npx adcenter token --data '${data}'\n`), server.stderr());
    } finally {
      await server.stop();
    }
  });

  it('on a terminal the log lines are readable, not JSON', { skip: existsSync('/usr/bin/script') ? false : 'needs script(1) from util-linux for a terminal' }, async () => {
    const data = fresh();
    // script(1) gives the server a pseudo-terminal as stdout and stderr.
    const child = spawn('/usr/bin/script', ['-qefc', `${process.execPath} ${CLI} serve --port 0 --data ${data} --log-level info`, '/dev/null'],
      { stdio: ['pipe', 'pipe', 'pipe'], env: cleanEnv({ NO_COLOR: '1' }) });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line: ${out}`)), 60_000);
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (/Server listening at/.test(out)) { clearTimeout(timer); resolve(); }
        });
        child.once('exit', () => { clearTimeout(timer); reject(new Error(`exited: ${out}`)); });
      });
      assert.match(out, /^\d\d:\d\d:\d\d\.\d{3} {2}INFO {3}Server listening at http:\/\/127\.0\.0\.1:\d+\r?$/m);
      assert.doesNotMatch(out, /\{"level":/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  });

  it('the readable form: time, level, message, then the other fields', () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    assert.equal(readableLine(JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', msg: 'slow', reqId: 'r1', res: { statusCode: 503 } })),
      '03:04:05.678  WARN   slow  reqId=r1  res={"statusCode":503}\n');
    assert.equal(readableLine('not json'), 'not json\n');
    assert.match(readableLine(JSON.stringify({ level: 50, time, msg: 'x' }), true), /\u001b\[31mERROR\u001b\[0m/);
  });
});

// The common start-up failures end at once with one line on stderr, nothing on stdout, and an
// exit code of their own (README "Exit codes"): 2 usage, 3 cannot listen, 4 data folder,
// 5 database, 6 store of the other environment.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Finished } from '../../support/cli-process.js';

/** One line on stderr matching `message`, nothing on stdout, exit code `code`. */
function assertFailure(r: Finished, code: number, message: RegExp, options: { demoTenantCreated?: boolean } = {}): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, message);
  if (options.demoTenantCreated) {
    // A start that made the demo tenant before failing still shows it (its password is shown only once).
    assert.equal(lines[1], 'Created the demo tenant:', r.stderr);
    assert.match(r.stderr, /password \S+/);
  } else {
    assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  }
}

describe('exit codes of the common failures', () => {
  const dirs: string[] = [];
  const fresh = (): string => { const d = mkdtempSync(join(tmpdir(), 'adcenter-exit-')); dirs.push(d); return d; };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('2: an unknown option or a value that does not parse', async () => {
    const unknown = await runCli(['serve', '--prot', '8080']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /^error: unknown option '--prot'\n\(Did you mean --port\?\)\n$/);
    assertFailure(await runCli(['serve', '--port', 'eighty']), 2, /--port <n>.*'eighty' is invalid/);
    assertFailure(await runCli(['serve', '--data', fresh(), '--public-url', 'not a url']), 2, /^adcenter: --public-url not a url is not a URL\.$/);
  });

  it('3: the port is in use', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const { port } = busy.address() as { port: number };
    try {
      assertFailure(await runCli(['serve', '--data', fresh(), '--port', String(port)]), 3,
        new RegExp(`^adcenter: Port ${port} is in use on 127\\.0\\.0\\.1; .*--port`), { demoTenantCreated: true });
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });

  it('4: a data folder that cannot be created (it used to hang under /proc), is under a file, or holds no store', async () => {
    const r = await runCli(['serve', '--port', '0', '--data', '/proc/adcenter-data']);
    assertFailure(r, 4, /^adcenter: Cannot use the data folder \/proc\/adcenter-data: a folder cannot be created there\. Choose another with --data\.$/);
    assert.ok(r.ms < 30_000, `answered in ${r.ms} ms`);

    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'not a folder');
    assertFailure(await runCli(['serve', '--port', '0', '--data', join(file, 'data')]), 4, /a-file is a file, not a folder/);

    const notAStore = fresh();
    writeFileSync(join(notAStore, 'adcenter.sqlite'), 'x'.repeat(4096));
    assertFailure(await runCli(['serve', '--port', '0', '--data', notAStore]), 4, /adcenter\.sqlite is not a usable adcenter store \(file is not a database\)/);

    // The one-shot commands fail the same way.
    assertFailure(await runCli(['token', '--data', '/proc/adcenter-data']), 4, /Cannot use the data folder \/proc\/adcenter-data/);
  });

  it('5: a database URL that is not one, names an unknown host, or where nothing answers', async () => {
    assertFailure(await runCli(['serve', '--port', '0', '--database-url', 'base']), 5, /^adcenter: --database-url is not a URL; expected postgres:\/\//);
    assertFailure(await runCli(['serve', '--port', '0', '--database-url', 'postgres://base/adcenter']), 5,
      /^adcenter: Cannot use the PostgreSQL database postgres:\/\/base\/adcenter: the host base is not known\.$/);
    const refused = await runCli(['token', '--database-url', 'postgres://someone:s3cret-pw@127.0.0.1:1/adcenter']);
    assertFailure(refused, 5, /^adcenter: Cannot use the PostgreSQL database postgres:\/\/someone@127\.0\.0\.1:1\/adcenter: nothing answers at 127\.0\.0\.1:1/);
    assert.ok(!refused.stderr.includes('s3cret-pw'), 'the password is never printed');
  });

  it('6: a store of the other environment', async () => {
    const data = fresh();
    const created = await runCli(['token', '--data', data]); // a new store becomes a sandbox store
    assert.equal(created.code, 0, created.stderr);
    assertFailure(await runCli(['serve', '--port', '0', '--data', data, '--environment', 'production']), 6,
      /^adcenter: This store holds sandbox data; it cannot be served as production\./);
  });
});

// The package as a user gets it: `npm pack`, installed into an empty folder from the tarball,
// then `npx adcenter serve` and `import { startAdcenter } from 'adcenter'` work there. The
// tarball carries only the compiled server (no tests, no TypeScript sources) and installs
// without TypeScript or any build step of its own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/paths.js';
import { cleanEnv } from '../../support/cli-process.js';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * An npm cache kept between runs, so that packages come from disk after the first run. The
 * SQLite driver's native module is compiled once by the repository's own install; it is put in
 * this cache where its installer looks for a prebuilt binary (prebuild-install's cache) so the
 * install here does not compile it again. Without it the install compiles it, only slower.
 */
const NPM_CACHE = join(tmpdir(), 'adcenter-tarball-test-npm-cache');

async function seedPrebuild(): Promise<void> {
  const sqliteDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('better-sqlite3/package.json'));
  const binary = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binary)) return;
  const requireFromSqlite = createRequire(join(sqliteDir, 'package.json'));
  const pkg = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const previous = process.env.npm_config_cache;
  process.env.npm_config_cache = NPM_CACHE;
  try {
    const rc = (requireFromSqlite('prebuild-install/rc') as (p: unknown) => Record<string, unknown>)(pkg);
    const util = requireFromSqlite('prebuild-install/util') as { getDownloadUrl(o: unknown): string; cachedPrebuild(url: string): string };
    const cached = util.cachedPrebuild(util.getDownloadUrl({ ...rc, pkg }));
    if (existsSync(cached)) return;
    mkdirSync(dirname(cached), { recursive: true });
    await run('tar', ['-czf', cached, '-C', sqliteDir, 'build/Release/better_sqlite3.node']);
  } finally {
    if (previous === undefined) delete process.env.npm_config_cache; else process.env.npm_config_cache = previous;
  }
}

describe('the npm package, installed from its tarball', () => {
  const work = mkdtempSync(join(tmpdir(), 'adcenter-tarball-'));
  const app = join(work, 'app');
  const env = cleanEnv({ npm_config_cache: NPM_CACHE, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
  let tarball = '';
  let installed = '';

  before(async () => {
    await seedPrebuild();
    // dist/ is built already (npm test builds first); --ignore-scripts keeps pack from building again.
    const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 });
    tarball = join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
    // The server's CLI depends on adcenter-client (this repository's other package, published beside
    // it): a user's npm fetches both from the registry; here both come from their tarballs.
    const client = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: join(repoRoot, 'packages', 'client'), env, maxBuffer: 64 * 1024 * 1024 });
    const clientTarball = join(work, (JSON.parse(client.stdout) as Array<{ filename: string }>)[0]!.filename);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'a-users-project', private: true, type: 'module' }));
    await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', clientTarball, tarball], { cwd: app, env, timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    installed = join(app, 'node_modules', 'adcenter');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships the compiled server, the seed-file schema, README and LICENSE, and no tests, TypeScript sources or source maps', async () => {
    const files = (await run('tar', ['-tzf', tarball])).stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/src/cli/main.js', 'dist/src/cli/embed.js', 'dist/src/cli/embed.d.ts']) {
      assert.ok(files.includes(f), `the tarball has ${f}`);
    }
    assert.ok(files.includes('schemas/seed.schema.json'), 'the seed-file schema (seed files are checked against it)');
    const stray = files.filter((f) => !(f.startsWith('dist/src/') || f.startsWith('schemas/') || ['package.json', 'README.md', 'LICENSE'].includes(f))
      || f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    assert.deepEqual(stray, []);
    assert.ok(!existsSync(join(app, 'node_modules', 'typescript')), 'TypeScript is not needed to install it');
    assert.ok(existsSync(join(installed, 'dist', 'src', 'cli', 'main.js')));
  });

  it('npx adcenter --version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await run(NPX, ['--no-install', 'adcenter', '--version'], { cwd: app, env });
    assert.equal(stdout.trim(), version);
  });

  it('npx adcenter serve starts; its store answers /health; npx adcenter token gives a token the API accepts', async () => {
    // Its own process group: npx starts the server as a child of its own, and both must stop.
    const child = spawn(NPX, ['--no-install', 'adcenter', 'serve', '--port', '0', '--data', './data', '--log-level', 'warn'],
      { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let banner = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${banner}`)), 60_000);
        child.stderr!.on('data', (d: Buffer) => {
          banner += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(banner);
          if (m && banner.endsWith('\n')) { clearTimeout(timer); resolve(m[1]!); }
        });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}: ${banner}`)); });
      });
      assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'ok', store: 'ok' });
      assert.ok(existsSync(join(app, 'data', 'adcenter.sqlite')), 'the store is in ./data');
      const token = (await run(NPX, ['--no-install', 'adcenter', 'token', '--data', './data'], { cwd: app, env })).stdout.trim().split('\n').at(-1)!;
      const me = await fetch(`${url}/CustomerManagement/v13/User/Query`, {
        method: 'POST', body: '{"UserId":null}',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, DeveloperToken: 'BBD37VB98' },
      });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { User: { UserName: string } }).User.UserName, 'admin@adcenter.local');
    } finally {
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
      await exited;
      child.stdout!.destroy();
      child.stderr!.destroy();
    }
  });

  it('import { startAdcenter } from \'adcenter\' works in the user\'s project, with its types', async () => {
    writeFileSync(join(app, 'use.mjs'), [
      "import { startAdcenter } from 'adcenter';",
      'const server = await startAdcenter();',
      "const res = await fetch(`${server.url}/CustomerManagement/v13/User/Query`, { method: 'POST', body: '{\"UserId\":null}',",
      "  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, DeveloperToken: server.developerToken } });",
      'console.log(JSON.stringify({ status: res.status, user: (await res.json()).User.UserName }));',
      'await server.stop();',
    ].join('\n'));
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: app, env });
    assert.deepEqual(JSON.parse(stdout), { status: 200, user: 'admin@adcenter.local' });
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: { '.': { types: string } } };
    const types = readFileSync(join(installed, pkg.exports['.'].types), 'utf8');
    assert.match(types, /export declare function startAdcenter\(options\?: AdcenterOptions\): Promise<RunningAdcenter>/);
    assert.ok(readdirSync(join(installed, 'dist', 'src', 'store')).some((f) => f.endsWith('.d.ts')), 'the types it refers to are shipped too');
  });
});

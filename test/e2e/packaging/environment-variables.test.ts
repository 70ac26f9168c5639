// Every option of `adcenter serve` (and every store option of the other commands) has an
// ADCENTER_* variable: --help names it, and the variable alone takes effect.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, startServe } from '../../support/cli-process.js';

/** Each option's block of --help output: its flags and the description lines that follow, joined. */
function helpOptions(help: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let current: string | null = null;
  for (const line of help.split('\n')) {
    const start = /^ {2}(?:-\w, )?(--[a-z0-9-]+)/.exec(line);
    if (start) {
      current = start[1]!;
      blocks.set(current, line.trim());
    } else if (current !== null && /^ {10,}\S/.test(line)) {
      blocks.set(current, `${blocks.get(current)!} ${line.trim()}`);
    } else {
      current = null;
    }
  }
  return blocks;
}

const variable = (flag: string): string => `ADCENTER_${flag.slice(2).toUpperCase().replaceAll('-', '_')}`;

const SERVE_OPTIONS = [
  '--data', '--database-url', '--database-schema', '--port', '--host', '--environment', '--body-limit', '--log-level',
  '--access-token-lifetime', '--public-url', '--trust-proxy', '--request-timeout', '--idle-timeout', '--keep-alive-timeout',
  '--max-connections',
];

describe('environment variables of the options', () => {
  const dirs: string[] = [];
  const fresh = (): string => { const d = mkdtempSync(join(tmpdir(), 'adcenter-env-')); dirs.push(d); return d; };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('serve --help names the ADCENTER_* variable of every option', async () => {
    const { code, stdout } = await runCli(['serve', '--help']);
    assert.equal(code, 0);
    const options = helpOptions(stdout);
    for (const flag of SERVE_OPTIONS) assert.ok(options.has(flag), `--help lists ${flag}:\n${stdout}`);
    for (const [flag, text] of options) {
      if (flag === '--help') continue;
      assert.match(text.replace(/\s+/g, ' '), new RegExp(`env: ${variable(flag)}\\b`), `${flag} names ${variable(flag)}`);
    }
  });

  it('the store options of the other commands name theirs too', async () => {
    for (const command of [['token'], ['outbox'], ['app', 'register'], ['customer', 'create'], ['notify']]) {
      const options = helpOptions((await runCli([...command, '--help'])).stdout);
      for (const flag of ['--data', '--database-url', '--database-schema']) {
        assert.match(options.get(flag) ?? '', new RegExp(`env: ${variable(flag)}\\b`), `${command.join(' ')} ${flag}`);
      }
    }
  });

  it('the variables alone configure the server: port, host, data, environment, body limit, log level, trust proxy', async () => {
    const data = fresh();
    const port = await freePort();
    const server = await startServe([], {
      ADCENTER_PORT: String(port), ADCENTER_HOST: '127.0.0.2', ADCENTER_DATA: data, ADCENTER_ENVIRONMENT: 'production',
      ADCENTER_BODY_LIMIT: '2000', ADCENTER_LOG_LEVEL: 'warn', ADCENTER_TRUST_PROXY: '1',
      PORT: String(await freePort()), // the older name: ADCENTER_PORT wins over it
    });
    try {
      assert.equal(server.url, `http://127.0.0.2:${port}`);
      assert.ok(existsSync(join(data, 'adcenter.sqlite')), 'the store is in ADCENTER_DATA');
      const landing = (await (await fetch(`${server.url}/`)).json()) as { environment: string };
      assert.equal(landing.environment, 'production');
      const big = await fetch(`${server.url}/CustomerManagement/v13/User/Query`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserId: null, pad: 'x'.repeat(3000) }),
      });
      assert.equal(big.status, 413, 'a body above ADCENTER_BODY_LIMIT is refused');
      const signin = await fetch(`${server.url}/signin`, { headers: { 'X-Forwarded-Proto': 'https' } });
      assert.match(signin.headers.get('set-cookie') ?? '', /; Secure/, 'X-Forwarded-Proto is believed with ADCENTER_TRUST_PROXY=1');
      await new Promise((r) => setTimeout(r, 200));
      assert.doesNotMatch(server.stdout(), /"msg":"request"/, 'ADCENTER_LOG_LEVEL=warn: no request lines');
    } finally {
      await server.stop();
    }
  });

  it('PORT and LOG_LEVEL still work; a command-line option wins over its variable; a switch\'s variable of 0 is off', async () => {
    const port = await freePort();
    const server = await startServe(['--data', fresh(), '--log-level', 'info'], {
      PORT: String(port), ADCENTER_LOG_LEVEL: 'silent', ADCENTER_TRUST_PROXY: '0',
    });
    try {
      assert.equal(server.url, `http://127.0.0.1:${port}`);
      const signin = await fetch(`${server.url}/signin`, { headers: { 'X-Forwarded-Proto': 'https' } });
      assert.ok(signin.headers.get('set-cookie'), 'the page sets a cookie');
      assert.doesNotMatch(signin.headers.get('set-cookie')!, /Secure/, 'ADCENTER_TRUST_PROXY=0: not behind a proxy');
      await new Promise((r) => setTimeout(r, 200));
      assert.match(server.stdout(), /"msg":"request"/, '--log-level info beats ADCENTER_LOG_LEVEL=silent');
    } finally {
      await server.stop();
    }
  });

  it('each other variable is read: a wrong value fails start-up naming it', async () => {
    const data = fresh();
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ ADCENTER_PORT: '70000' }, 2, /ADCENTER_PORT/],
      [{ ADCENTER_ENVIRONMENT: 'staging' }, 2, /ADCENTER_ENVIRONMENT/],
      [{ ADCENTER_LOG_LEVEL: 'loud' }, 2, /ADCENTER_LOG_LEVEL/],
      [{ ADCENTER_BODY_LIMIT: 'lots' }, 2, /ADCENTER_BODY_LIMIT/],
      [{ ADCENTER_ACCESS_TOKEN_LIFETIME: '0' }, 2, /ADCENTER_ACCESS_TOKEN_LIFETIME/],
      [{ ADCENTER_REQUEST_TIMEOUT: '0' }, 2, /ADCENTER_REQUEST_TIMEOUT/],
      [{ ADCENTER_IDLE_TIMEOUT: '-1' }, 2, /ADCENTER_IDLE_TIMEOUT/],
      [{ ADCENTER_KEEP_ALIVE_TIMEOUT: 'soon' }, 2, /ADCENTER_KEEP_ALIVE_TIMEOUT/],
      [{ ADCENTER_MAX_CONNECTIONS: '0' }, 2, /ADCENTER_MAX_CONNECTIONS/],
      [{ ADCENTER_PUBLIC_URL: 'ftp://example.com' }, 2, /--public-url must be an http or https URL/],
      [{ ADCENTER_HOST: '192.0.2.1' }, 3, /192\.0\.2\.1 is not an address of this machine/],
      [{ ADCENTER_DATA: '/proc/adcenter' }, 4, /data folder \/proc\/adcenter/],
      [{ ADCENTER_DATABASE_URL: 'mysql://db/x' }, 5, /must be a postgres:\/\/ URL/],
      [{ ADCENTER_DATABASE_URL: 'postgres://127.0.0.1:1/x', ADCENTER_DATABASE_SCHEMA: 'Not-A-Schema' }, 5, /invalid PostgreSQL schema name "Not-A-Schema"/],
    ];
    // Three at a time: the machine running the suite may be small and busy.
    for (let i = 0; i < cases.length; i += 3) {
      const batch = cases.slice(i, i + 3);
      const results = await Promise.all(batch.map(([env]) => runCli(['serve',
        ...(env.ADCENTER_PORT ? [] : ['--port', '0']), ...(env.ADCENTER_DATA ? [] : ['--data', data])], env)));
      batch.forEach(([env, code, message], j) => {
        const r = results[j]!;
        assert.equal(r.code, code, `${JSON.stringify(env)}: ${r.stderr}`);
        assert.match(r.stderr, message, JSON.stringify(env));
      });
    }
  });
});

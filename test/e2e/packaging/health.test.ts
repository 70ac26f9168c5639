// GET /health asks the store a cheap question: 200 while it answers, 503 with a JSON body while
// the database cannot be reached, and 200 again once it is back. The PostgreSQL case takes the
// database away from a dedicated role (its sessions terminated, new logins refused), so the
// shared PostgreSQL service itself is never stopped.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from '../../store/pg-test.js';
import { startServe } from '../../support/cli-process.js';

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: await res.json() };
}

describe('GET /health checks the store', () => {
  it('SQLite: 200 {"status":"ok","store":"ok"}', async () => {
    const data = mkdtempSync(join(tmpdir(), 'adcenter-health-'));
    const server = await startServe(['--port', '0', '--data', data, '--log-level', 'warn']);
    try {
      assert.deepEqual(await health(server.url), { status: 200, body: { status: 'ok', store: 'ok' } });
    } finally {
      await server.stop();
      rmSync(data, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', async () => {
    const problem = await pgProblem();
    if (problem) { reportPgAway('PostgreSQL health', problem); return; }

    const role = throwAwaySchemaName('health'); // a fresh name: adcenter_health_<hex>
    const admin = new pg.Client({ connectionString: PG_URL });
    before(async () => {
      await admin.connect();
      // Names are hex made here; identifiers cannot be parameters.
      await admin.query(`CREATE ROLE "${role}" LOGIN`);
      await admin.query(`CREATE SCHEMA "${role}" AUTHORIZATION "${role}"`);
      // The migration's CREATE SCHEMA IF NOT EXISTS asks for this even when the schema exists.
      await admin.query(`GRANT CREATE ON DATABASE "${new URL(PG_URL).pathname.slice(1)}" TO "${role}"`);
    });
    after(async () => {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
      await admin.query(`DROP SCHEMA IF EXISTS "${role}" CASCADE`);
      await admin.query(`DROP OWNED BY "${role}"`); // the database grant
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
      await admin.end();
    });

    it('503 with a JSON body while the database refuses the server, 200 again once it is back; the banner names the store', async () => {
      const url = new URL(PG_URL);
      url.username = role;
      url.password = '';
      const server = await startServe(['--port', '0', '--database-url', url.toString(), '--database-schema', role, '--log-level', 'error']);
      try {
        assert.match(server.stderr(), /adcenter \(sandbox, postgres\) listening on/);
        assert.ok(server.stderr().includes(`npx adcenter token --database-url ${url.toString()} --database-schema ${role}`), server.stderr());
        assert.deepEqual(await health(server.url), { status: 200, body: { status: 'ok', store: 'ok' } });

        await admin.query(`ALTER ROLE "${role}" NOLOGIN`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
        const down = await health(server.url);
        assert.deepEqual(down, { status: 503, body: { status: 'unavailable', store: 'unreachable' } });
        assert.equal((await health(server.url)).status, 503, 'still down');

        await admin.query(`ALTER ROLE "${role}" LOGIN`);
        assert.deepEqual(await health(server.url), { status: 200, body: { status: 'ok', store: 'ok' } }, 'the pool reconnects');
        assert.ok(server.child.exitCode === null, 'the server kept running');
      } finally {
        await admin.query(`ALTER ROLE "${role}" LOGIN`);
        await server.stop();
      }
    });
  });
});

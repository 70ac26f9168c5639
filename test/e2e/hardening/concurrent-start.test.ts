// Start-up is safe for any number of instances at once (issue 9, item 2): four `adcenter serve`
// processes started together on a fresh PostgreSQL schema all start, and exactly one Demo Customer
// and one demo user exist — its password printed by exactly one of them. Several rounds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dropSchemas, pgProblem, reportPgAway, throwAwaySchemaName } from '../../store/pg-test.js';
import { NO_ORPHANS, pgOrphans, pgQuery } from '../../support/orphans.js';
import { pgArgs, spawnServe } from '../../support/serve-process.js';
import type { RunningServer } from '../../support/server.js';
import { signInOverHttp } from '../../support/web-sign-in.js';

const INSTANCES = 4;
const ROUNDS = 3;

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('concurrent start-up on PostgreSQL', problem);
} else {
  describe('concurrent start-up on PostgreSQL', () => {
    for (let round = 1; round <= ROUNDS; round++) {
      it(`round ${round}: ${INSTANCES} instances on a fresh schema all start; one demo tenant, printed once`, async () => {
        const schema = throwAwaySchemaName('start');
        const procs = Array.from({ length: INSTANCES }, () => spawnServe([...pgArgs(schema), '--environment', 'sandbox']));
        try {
          const started = await Promise.all(procs.map((p) => p.started));
          for (const [i, s] of started.entries()) assert.ok('url' in s, `instance ${i} did not start:\n${procs[i]!.output()}`);
          const printed = procs.filter((p) => /password \S+/.test(p.output()));
          assert.equal(printed.length, 1, 'the demo password is printed by exactly one instance');
          const password = /password (\S+)/.exec(printed[0]!.output())![1]!;
          // The instances agree on the session signing key: a session from one is good on every other.
          const urls = started.map((s) => (s as { url: string }).url);
          const signedIn = await signInOverHttp({ url: urls[0]! } as RunningServer, 'admin@adcenter.local', password);
          assert.ok(signedIn.sessionCookie, 'the printed password signs in');
          for (const url of urls) {
            const res: Response = await fetch(`${url}/accounts`, { headers: { Cookie: signedIn.sessionCookie }, redirect: 'manual' });
            // Signed in: on to the demo customer's accounts, not back to the sign-in page.
            assert.match(res.headers.get('location') ?? '', /^\/accounts\?cid=\d+/, `the session is good on ${url}`);
          }
          await pgQuery(schema, async (q) => {
            assert.equal(Number((await q("SELECT count(*) AS n FROM customers WHERE name = 'Demo Customer'"))[0]!.n), 1);
            assert.equal(Number((await q("SELECT count(*) AS n FROM users WHERE user_name_folded = 'admin@adcenter.local'"))[0]!.n), 1);
            assert.equal(Number((await q('SELECT count(*) AS n FROM customers'))[0]!.n), 1, 'no second customer of any name');
            const user = (await q("SELECT id FROM users WHERE user_name_folded = 'admin@adcenter.local'"))[0]!;
            assert.equal((await q("SELECT value FROM meta WHERE key = 'demo_user_id'"))[0]!.value, String(user.id));
            assert.equal((await q("SELECT value FROM meta WHERE key = 'environment'"))[0]!.value, 'sandbox');
          });
          assert.deepEqual(await pgOrphans(schema), NO_ORPHANS);
        } finally {
          await Promise.all(procs.map((p) => p.stop()));
          await dropSchemas([schema]);
        }
      });
    }
  });
}

// A tenant is created wholly or not at all (issue 9, item 3): eight simultaneous web sign-ups with
// one e-mail address (in different letter cases) → exactly one tenant, seven "already exists"
// forms, and no customer, payment method or user left without its account — on SQLite and on
// PostgreSQL, several rounds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dropSchemas, pgProblem, reportPgAway, throwAwaySchemaName } from '../../store/pg-test.js';
import { NO_ORPHANS, pgOrphans, pgQuery, sqliteOrphans, type Orphans } from '../../support/orphans.js';
import { startPgServer, type PgServer } from '../../support/serve-process.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { signUpOverHttp } from '../../support/web-sign-up.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';

const RACERS = 8;
const ROUNDS = 2;
const TAKEN = 'A user with this e-mail address already exists.';

interface Backend {
  url: string;
  orphans(): Promise<Orphans>;
  /** Customers whose name starts with the tag. */
  customersNamed(tag: string): Promise<number>;
}

function raceTests(backend: () => Backend): void {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: ${RACERS} simultaneous sign-ups with one e-mail → one tenant, ${RACERS - 1} refusals, nothing orphaned`, async () => {
      const b = backend();
      const tag = `Race ${randomUUID().slice(0, 8)} Ünïcode`;
      const local = `racer-${randomUUID().slice(0, 8)}`;
      const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => signUpOverHttp(b.url, {
        customerName: `${tag} ${i}`, accountName: `Account ${i}`, password: 'correct horse battery',
        // The same user name to the store, which matches names case-insensitively.
        email: i % 2 === 0 ? `${local}@example.test` : `${local.toUpperCase()}@EXAMPLE.test`,
      })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [...Array<number>(RACERS - 1).fill(400), 303].sort(), 'exactly one sign-up succeeds');
      for (const r of results) {
        if (r.status === 303) assert.match(r.headers.get('location') ?? '', /^\/accounts\?cid=\d+&aid=\d+$/);
        else assert.ok((await r.text()).includes(TAKEN), 'the losers get the form with "already exists"');
      }
      assert.equal(await b.customersNamed(tag), 1, 'one customer of the round');
      assert.deepEqual(await b.orphans(), NO_ORPHANS);
    });
  }
}

describe('tenant creation race: SQLite', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });
  raceTests(() => ({
    url: server.url,
    orphans: () => sqliteOrphans(server.dataDir),
    async customersNamed(tag) {
      const db = new Database(join(server.dataDir, 'adcenter.sqlite'), { readonly: true });
      try {
        return Number((db.prepare('SELECT count(*) AS n FROM customers WHERE substr(name, 1, ?) = ?').get(tag.length, tag) as { n: number }).n);
      } finally { db.close(); }
    },
  }));
});

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('tenant creation race: PostgreSQL', problem);
} else {
  describe('tenant creation race: PostgreSQL', () => {
    const schema = throwAwaySchemaName('race');
    let server: PgServer;
    before(async () => { server = await startPgServer(schema); });
    after(async () => {
      await server?.stop();
      await dropSchemas([schema]);
    });
    raceTests(() => ({
      url: server.url,
      orphans: () => pgOrphans(schema),
      customersNamed: (tag) => pgQuery(schema, async (q) => Number((await q('SELECT count(*) AS n FROM customers WHERE left(name, $1) = $2', [tag.length, tag]))[0]!.n)),
    }));
  });
}

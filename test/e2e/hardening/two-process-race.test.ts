// Two server processes on one PostgreSQL database (issue 9, "Keep it so"): they start together,
// then race each other — the same TimeStamp sent to UpdateAccount on both (one wins, the other gets
// 209 TimestampNotMatch, over REST and SOAP), the same account name to AddAccount on both (one
// wins, the other 201), web sign-ups with one e-mail split over both (one tenant) — and nothing is
// left orphaned.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dropSchemas, pgProblem, reportPgAway, throwAwaySchemaName } from '../../store/pg-test.js';
import type { Store } from '../../../src/store/store.js';
import { faultCodes } from '../../support/clients.js';
import { faces, restCodes, timeStampOf, type Faces } from '../../support/faces.js';
import { NO_ORPHANS, pgOrphans, pgQuery } from '../../support/orphans.js';
import { openPgStore, pgToken, startPgServer, type PgServer } from '../../support/serve-process.js';
import type { RunningServer } from '../../support/server.js';
import { signUpOverHttp } from '../../support/web-sign-up.js';

const TRIALS = 6;
const ADDRESS = { BusinessName: 'Zoë Ünïcode GmbH', Line1: 'Hauptstraße 1', City: 'Berlin', PostalCode: '10115', CountryCode: 'DE' };

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('two server processes on one PostgreSQL database', problem);
} else {
  describe('two server processes on one PostgreSQL database', () => {
    const schema = throwAwaySchemaName('two');
    let servers: PgServer[] = [];
    let api: Faces[] = [];
    let store: Store;
    let token: string;
    let customerId: bigint;
    let paymentMethodId: bigint;

    before(async () => {
      // Started at the same moment on a fresh schema: both come up, one demo tenant.
      servers = await Promise.all([startPgServer(schema), startPgServer(schema)]);
      api = servers.map((s) => faces(s as unknown as RunningServer));
      store = await openPgStore(schema);
      token = await pgToken(schema);
      const demo = (await store.getUserByName('admin@adcenter.local'))!;
      customerId = demo.customerId;
      const [account] = await store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] } });
      paymentMethodId = account!.paymentMethodId!;
    });
    after(async () => {
      await store?.close();
      await Promise.all(servers.map((s) => s.stop()));
      await dropSchemas([schema]);
    });

    it('started together: exactly one demo tenant, its password printed by one of the two', async () => {
      assert.equal(servers.filter((s) => /password \S+/.test(s.banner)).length, 1);
      await pgQuery(schema, async (q) => {
        assert.equal(Number((await q("SELECT count(*) AS n FROM customers WHERE name = 'Demo Customer'"))[0]!.n), 1);
      });
    });

    async function addAccount(via: Faces, name: string): Promise<ReturnType<Faces['rest']>> {
      return via.rest('AddAccount', {
        Account: { Name: name, CurrencyCode: 'EUR', ParentCustomerId: String(customerId), PaymentMethodId: String(paymentMethodId), BusinessAddress: ADDRESS },
      }, token);
    }

    it(`same-name AddAccount on both processes at once → one account, the other 201 (${TRIALS} trials)`, async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const name = `Twin Ünïcode ${randomUUID().slice(0, 8)}`;
        const results = await Promise.all([addAccount(api[0]!, name), addAccount(api[1]!, name.toUpperCase())]);
        const won = results.filter((r) => r.status === 200);
        assert.equal(won.length, 1, `trial ${trial}: ${results.map((r) => r.text).join(' | ')}`);
        const lost = results.find((r) => r.status !== 200)!;
        assert.equal(lost.status, 400);
        assert.deepEqual(restCodes(lost), [201]);
        const stored = await store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] }, nameEquals: name });
        assert.equal(stored.length, 1);
        assert.equal(String(stored[0]!.id), String(won[0]!.body.AccountId));
      }
    });

    it(`same-TimeStamp UpdateAccount on both processes at once → one wins, the other 209, over REST and SOAP (${TRIALS} trials)`, async () => {
      const created = await addAccount(api[0]!, `Contested ${randomUUID().slice(0, 8)}`);
      assert.equal(created.status, 200, created.text);
      const id = BigInt(String(created.body.AccountId));
      for (let trial = 0; trial < TRIALS; trial++) {
        const current = (await store.getAccount(id))!;
        const ts = timeStampOf(current);
        const names = [`Winner A ${trial} ${randomUUID().slice(0, 6)}`, `Winner B ${trial} ${randomUUID().slice(0, 6)}`];
        // Odd trials: the second process is called over SOAP.
        const soap = trial % 2 === 1;
        const [a, b] = await Promise.all([
          api[0]!.rest('UpdateAccount', { Account: { Id: String(id), Name: names[0], ParentCustomerId: String(customerId), TimeStamp: ts } }, token)
            .then((r) => ({ ok: r.status === 200, codes: restCodes(r), text: r.text })),
          soap
            ? api[1]!.soap('UpdateAccount', `<Account><e:Id>${id}</e:Id><e:Name>${names[1]}</e:Name><e:ParentCustomerId>${customerId}</e:ParentCustomerId><e:TimeStamp>${ts}</e:TimeStamp></Account>`, token)
              .then((r) => ({ ok: r.status === 200, codes: r.status === 200 ? [] : faultCodes(r), text: r.text }))
            : api[1]!.rest('UpdateAccount', { Account: { Id: String(id), Name: names[1], ParentCustomerId: String(customerId), TimeStamp: ts } }, token)
              .then((r) => ({ ok: r.status === 200, codes: restCodes(r), text: r.text })),
        ]);
        assert.equal([a, b].filter((r) => r.ok).length, 1, `trial ${trial}: ${a.text} | ${b.text}`);
        const loser = a.ok ? b : a;
        assert.deepEqual(loser.codes, [209], `trial ${trial}: ${loser.text}`);
        const after = (await store.getAccount(id))!;
        assert.equal(after.version, current.version + 1n, 'exactly one write');
        assert.equal(after.name, a.ok ? names[0] : names[1], 'the winner\'s name is stored');
      }
    });

    it('eight web sign-ups with one e-mail split over both processes → one tenant, nothing orphaned', async () => {
      const local = `twin-${randomUUID().slice(0, 8)}`;
      const tag = `Twin Race ${randomUUID().slice(0, 8)}`;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signUpOverHttp(servers[i % 2]!.url, {
        customerName: `${tag} ${i}`, accountName: `Account ${i}`, password: 'correct horse battery',
        email: i < 4 ? `${local}@example.test` : `${local.toUpperCase()}@example.test`,
      })));
      assert.deepEqual(results.map((r) => r.status).filter((s) => s === 303).length, 1);
      assert.ok(results.every((r) => r.status === 303 || r.status === 400));
      await pgQuery(schema, async (q) => {
        assert.equal(Number((await q('SELECT count(*) AS n FROM customers WHERE left(name, $1) = $2', [tag.length, tag]))[0]!.n), 1);
      });
      assert.deepEqual(await pgOrphans(schema), NO_ORPHANS);
    });
  });
}

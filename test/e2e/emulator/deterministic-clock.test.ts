// --deterministic: two servers, the same calls, byte-identical answers (numbers, contact ids,
// TrackingIds, times). POST /_adcenter/clock: freezing and moving the clock expires access
// tokens (109), invitations and pending client links.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rest, soap, faultCodes } from '../../support/clients.js';
import { restCodes } from '../../support/faces.js';
import { invitationJson } from '../../support/invitation-requests.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../../support/server.js';
import { admin, FIXED_ACCESS_TOKEN, SAMPLE_SEED_YAML, writeSeed } from '../../support/emulator.js';
import { faces } from '../../support/faces.js';
import { searchLinks } from '../../support/client-links.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const creds = (token: string) => ({ token, developerToken: SANDBOX_DEVELOPER_TOKEN });

/** The same calls against a server: every answer's status, TrackingId and body. */
async function script(server: RunningServer): Promise<string[]> {
  const token = await server.token();
  const demo = (await (await server.store()).dump()).customers[0]!;
  const out: string[] = [];
  const r1 = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, creds(token));
  const r2 = await rest(server.url, 'POST', '/CustomerManagement/v13/UserInvitation/Send', { UserInvitation: invitationJson(demo.id) }, creds(token));
  const r3 = await rest(server.url, 'POST', '/CustomerManagement/v13/Customer/Query', { CustomerId: demo.id.toString() }, creds(token));
  for (const r of [r1, r2, r3]) out.push(`${r.status} ${r.headers.get('TrackingId')} ${r.text}`);
  const s = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', creds(token));
  out.push(`${s.status} ${s.headers.get('TrackingId')} ${s.text}`);
  return out;
}

describe('--deterministic', () => {
  it('two servers answer the same calls byte for byte', async () => {
    const a = await startServer({ args: ['--deterministic'] });
    const b = await startServer({ args: ['--deterministic'] });
    try {
      // From the demo tenant to the token hint, which names each server's own data folder.
      const demoLines = (banner: string): string => banner.slice(banner.indexOf('Created the demo tenant'), banner.indexOf('An access token for'));
      assert.equal(demoLines(a.banner), demoLines(b.banner), 'same numbers and password');
      const [ra, rb] = [await script(a), await script(b)];
      assert.match(ra[0]!, /^200 [0-9a-f-]{36} /);
      assert.match(ra[0]!, /2024-01-01T00:00:00/, 'times follow the frozen clock');
      assert.deepEqual(ra, rb);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('without it, TrackingIds differ (the comparison above can fail)', async () => {
    const a = await startServer();
    const b = await startServer();
    try {
      const [ra, rb] = [await script(a), await script(b)];
      assert.notEqual(ra[0]!.split(' ')[1], rb[0]!.split(' ')[1]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('is refused in production', async () => {
    await assert.rejects(startServer({ environment: 'production', args: ['--deterministic'] }), /sandbox only/);
  });
});

describe('POST /_adcenter/clock', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  it('freezes and sets the time', async () => {
    const r = await admin(server.url, '/clock', { freeze: true, set: '2030-01-01T00:00:00Z' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { now: '2030-01-01T00:00:00.000Z', frozen: true, offsetMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await admin(server.url, '/clock', undefined, 'GET')).body.now, '2030-01-01T00:00:00.000Z');
    const moved = await admin(server.url, '/clock', { advanceSeconds: 90 });
    assert.equal(moved.body.now, '2030-01-01T00:01:30.000Z');
    assert.equal((await admin(server.url, '/clock', { reset: true })).body.frozen, false);
  });

  it('refuses a body it does not understand, naming the field', async () => {
    const r = await admin(server.url, '/clock', { frozen: true });
    assert.equal(r.status, 400);
    assert.match(String(r.body.message), /Unknown field frozen/);
    assert.equal((await admin(server.url, '/clock', { set: 'tomorrow' })).status, 400);
  });

  it('moving the clock past an access token\'s expiry gets 109 over REST and SOAP; moving it back revives it', async () => {
    const token = await server.token();
    await admin(server.url, '/clock', { advanceSeconds: 2 * 3600 });
    const r = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, creds(token));
    assert.deepEqual(restCodes(r), [109]);
    const s = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', creds(token));
    assert.deepEqual(faultCodes(s), [109]);
    await admin(server.url, '/clock', { reset: true });
    assert.equal((await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, creds(token))).status, 200);
  });

  it('invitations expire by the server\'s clock', async () => {
    const token = await server.token();
    const store = await server.store();
    const customerId = (await store.dump()).customers[0]!.id;
    await admin(server.url, '/clock', { freeze: true, set: '2025-03-01T12:00:00Z' });
    try {
      const sent = await rest(server.url, 'POST', '/CustomerManagement/v13/UserInvitation/Send',
        { UserInvitation: invitationJson(customerId, { Email: 'clock@example.com' }) }, creds(token));
      assert.equal(sent.status, 200, sent.text);
      const invitation = (await store.getUserInvitation(BigInt(String(sent.body.UserInvitationId))))!;
      assert.equal(invitation.expirationDate.toISOString(), '2025-03-31T12:00:00.000Z');
      const link = /invitations\/accept\?token=([\w-]+)/.exec((await store.listOutboxMessages({ to: 'clock@example.com', limit: 1 }))[0]!.body)![1]!;
      assert.equal((await fetch(`${server.url}/invitations/accept?token=${link}`)).status, 200);
      await admin(server.url, '/clock', { advanceSeconds: 31 * 86_400 });
      const late = await fetch(`${server.url}/invitations/accept?token=${link}`);
      assert.equal(late.status, 410);
      assert.match(await late.text(), /has expired/);
    } finally {
      await admin(server.url, '/clock', { reset: true });
    }
  });
});

describe('client links expire by the server\'s clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adcenter-clock-'));
  let server: RunningServer;
  before(async () => {
    const pending = SAMPLE_SEED_YAML.replace('clientAccount: Fabrikam Second }', 'clientAccount: Fabrikam Second, status: LinkPending }');
    assert.notEqual(pending, SAMPLE_SEED_YAML);
    server = await startServer({ args: ['--seed', writeSeed(dir, 'pending.yaml', pending)] });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const face of ['REST', 'SOAP'] as const) {
    it(`a seeded LinkPending link reads LinkExpired 30 days later (${face})`, async () => {
      const store = await server.store();
      const agency = (await store.dump()).customers.find((c) => c.name === 'Contoso Agency')!;
      const request = { predicates: [{ Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: agency.id.toString() }] };
      const call = faces(server);
      const now = await searchLinks(call, face, request, FIXED_ACCESS_TOKEN);
      assert.deepEqual(now.links?.map((l) => l.Status), ['LinkPending'], JSON.stringify(now.fault));
      await admin(server.url, '/clock', { advanceSeconds: 31 * 86_400 });
      try {
        const later = await searchLinks(call, face, request, FIXED_ACCESS_TOKEN);
        assert.deepEqual(later.links?.map((l) => l.Status), ['LinkExpired']);
      } finally {
        await admin(server.url, '/clock', { reset: true });
      }
    });
  }
});

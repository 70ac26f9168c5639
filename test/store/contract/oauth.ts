// Contract: OAuth client applications, single-use authorization codes, refresh-token rotation,
// grant and per-user revocation (also by deleteUser).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewAuthorizationCode, NewRefreshToken } from '../../../src/store/records.js';
import { customer, rejectsConflict, uniq, user, type Ctx } from './fixtures.js';

const FUTURE = new Date(1900000000000);
const SCOPE = 'https://si.ads.microsoft.com/msads.manage offline_access';

async function owner(ctx: Ctx): Promise<{ userId: bigint; clientId: string }> {
  const c = await customer(ctx);
  const u = await user(ctx, c.id);
  const clientId = uniq('client-');
  await ctx.store.insertOAuthClient({
    clientId, name: 'App', redirectUris: ['http://localhost/cb'], confidential: false, secretHash: null, ownerUserId: u.id,
  });
  return { userId: u.id, clientId };
}

function code(o: { userId: bigint; clientId: string }, over: Partial<NewAuthorizationCode> = {}): NewAuthorizationCode {
  return {
    codeHash: uniq('code-'), grantId: uniq('grant-'), clientId: o.clientId, userId: o.userId, redirectUri: 'http://localhost/cb',
    scope: SCOPE, codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', codeChallengeMethod: 'S256',
    expiresAt: FUTURE, ...over,
  };
}

function refresh(o: { userId: bigint; clientId: string }, over: Partial<NewRefreshToken> = {}): NewRefreshToken {
  return { tokenHash: uniq('rt-'), grantId: uniq('grant-'), clientId: o.clientId, userId: o.userId, scope: SCOPE, expiresAt: FUTURE, ...over };
}

export function oauthTests(ctx: Ctx): void {
  describe('OAuth clients', () => {
    it('round-trips, lists by owner (oldest first) and refuses a duplicate client id', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const other = await user(ctx, c.id);
      const input = {
        clientId: uniq('00000000-'), name: "Ünï app'; --", redirectUris: ['https://app.example/cb?x=1', 'http://127.0.0.1'],
        confidential: true, secretHash: uniq('sha-'), ownerUserId: u.id,
      };
      const rec = await ctx.store.insertOAuthClient(input);
      assert.deepEqual({ ...rec, createdTime: null }, { ...input, createdTime: null });
      assert.ok(Math.abs(rec.createdTime.getTime() - Date.now()) < 60_000);
      assert.deepEqual(await ctx.store.getOAuthClient(input.clientId), rec);
      assert.equal(await ctx.store.getOAuthClient(input.clientId.toUpperCase()), null);
      const pub = await ctx.store.insertOAuthClient({ ...input, clientId: uniq('1-'), confidential: false, secretHash: null, redirectUris: [] });
      assert.equal(pub.secretHash, null);
      assert.deepEqual(pub.redirectUris, []);
      assert.deepEqual(await ctx.store.listOAuthClients(u.id), [rec, pub]);
      assert.deepEqual(await ctx.store.listOAuthClients(other.id), []);
      await rejectsConflict(ctx.store.insertOAuthClient(input), 'token');
    });
  });

  describe('authorization codes', () => {
    it('round-trip and are consumed exactly once, never after expiry', async () => {
      const o = await owner(ctx);
      const input = code(o);
      const rec = await ctx.store.insertAuthorizationCode(input);
      assert.deepEqual({ ...rec, createdTime: null }, { ...input, createdTime: null, usedTime: null });
      assert.deepEqual(await ctx.store.findAuthorizationCode(input.codeHash), rec);
      const plain = await ctx.store.insertAuthorizationCode(code(o, { codeChallenge: null, codeChallengeMethod: null }));
      assert.equal(plain.codeChallengeMethod, null);

      const at = new Date(1800000000123);
      const [a, b] = await Promise.all([
        ctx.store.consumeAuthorizationCode(input.codeHash, at),
        ctx.store.consumeAuthorizationCode(input.codeHash, at),
      ]);
      assert.equal([a, b].filter((x) => x !== null).length, 1, 'one of two concurrent redemptions wins');
      assert.deepEqual(a ?? b, { ...rec, usedTime: at });
      assert.equal(await ctx.store.consumeAuthorizationCode(input.codeHash, new Date()), null);
      assert.deepEqual((await ctx.store.findAuthorizationCode(input.codeHash))?.usedTime, at);

      const expiring = await ctx.store.insertAuthorizationCode(code(o, { expiresAt: new Date(1800000000000) }));
      assert.equal(await ctx.store.consumeAuthorizationCode(expiring.codeHash, new Date(1800000000000)), null);
      assert.equal((await ctx.store.findAuthorizationCode(expiring.codeHash))?.usedTime, null);
      assert.equal(await ctx.store.consumeAuthorizationCode(uniq('none'), new Date()), null);
      assert.equal(await ctx.store.findAuthorizationCode(uniq('none')), null);
      await rejectsConflict(ctx.store.insertAuthorizationCode(input), 'token');
    });
  });

  describe('refresh tokens', () => {
    it('round-trip and rotate once: the old one is revoked as the new one is stored', async () => {
      const o = await owner(ctx);
      const first = await ctx.store.insertRefreshToken(refresh(o));
      assert.equal(first.revokedTime, null);
      assert.deepEqual(await ctx.store.findRefreshToken(first.tokenHash), first);
      const at = new Date(1800000000456);
      const next = refresh(o, { grantId: first.grantId });
      const [a, b] = await Promise.all([
        ctx.store.rotateRefreshToken(first.tokenHash, at, next),
        ctx.store.rotateRefreshToken(first.tokenHash, at, refresh(o, { grantId: first.grantId })),
      ]);
      assert.equal([a, b].filter((x) => x !== null).length, 1, 'one of two concurrent rotations wins');
      const rotated = (a ?? b)!;
      assert.equal(rotated.grantId, first.grantId);
      assert.equal(rotated.revokedTime, null);
      assert.deepEqual(await ctx.store.findRefreshToken(rotated.tokenHash), rotated);
      assert.deepEqual((await ctx.store.findRefreshToken(first.tokenHash))?.revokedTime, at);
      const loser = a === null ? next.tokenHash : null;
      if (loser !== null) assert.equal(await ctx.store.findRefreshToken(loser), null, 'the losing rotation stored nothing');
      assert.equal(await ctx.store.rotateRefreshToken(first.tokenHash, new Date(), refresh(o)), null);

      const expired = await ctx.store.insertRefreshToken(refresh(o, { expiresAt: new Date(1700000000000) }));
      const attempt = refresh(o);
      assert.equal(await ctx.store.rotateRefreshToken(expired.tokenHash, new Date(1700000000000), attempt), null);
      assert.equal(await ctx.store.findRefreshToken(attempt.tokenHash), null);
      assert.equal((await ctx.store.findRefreshToken(expired.tokenHash))?.revokedTime, null);
      await rejectsConflict(ctx.store.insertRefreshToken(refresh(o, { tokenHash: first.tokenHash })), 'token');
    });
  });

  describe('revocation', () => {
    it('revokeGrant revokes the live access and refresh tokens of that grant only', async () => {
      const o = await owner(ctx);
      const grantId = uniq('grant-');
      const access = await ctx.store.insertAccessToken({ tokenHash: uniq('at-'), userId: o.userId, clientId: o.clientId, scope: SCOPE, expiresAt: FUTURE, grantId });
      assert.equal(access.grantId, grantId);
      const plain = await ctx.store.insertAccessToken({ tokenHash: uniq('at-'), userId: o.userId, clientId: o.clientId, scope: SCOPE, expiresAt: FUTURE });
      const rt = await ctx.store.insertRefreshToken(refresh(o, { grantId }));
      const otherRt = await ctx.store.insertRefreshToken(refresh(o));
      const at = new Date(1800000000789);
      assert.equal(await ctx.store.revokeGrant(grantId, at), 2);
      assert.deepEqual((await ctx.store.findAccessToken(access.tokenHash))?.revokedTime, at);
      assert.deepEqual((await ctx.store.findRefreshToken(rt.tokenHash))?.revokedTime, at);
      assert.equal((await ctx.store.findAccessToken(plain.tokenHash))?.revokedTime, null);
      assert.equal((await ctx.store.findRefreshToken(otherRt.tokenHash))?.revokedTime, null);
      assert.equal(await ctx.store.revokeGrant(grantId, new Date()), 0);
    });

    it('revokeUserTokens revokes every token of the user and burns unused codes; others keep theirs', async () => {
      const o = await owner(ctx);
      const bystander = await owner(ctx);
      const access = await ctx.store.insertAccessToken({ tokenHash: uniq('at-'), userId: o.userId, clientId: 'adcenter-cli', scope: SCOPE, expiresAt: FUTURE });
      const rt = await ctx.store.insertRefreshToken(refresh(o));
      const c = await ctx.store.insertAuthorizationCode(code(o));
      const theirs = await ctx.store.insertRefreshToken(refresh(bystander));
      const at = new Date(1800000000999);
      assert.equal(await ctx.store.revokeUserTokens(o.userId, at), 2);
      assert.deepEqual((await ctx.store.findAccessToken(access.tokenHash))?.revokedTime, at);
      assert.deepEqual((await ctx.store.findRefreshToken(rt.tokenHash))?.revokedTime, at);
      assert.equal(await ctx.store.consumeAuthorizationCode(c.codeHash, new Date(1700000000000)), null);
      assert.equal((await ctx.store.findRefreshToken(theirs.tokenHash))?.revokedTime, null);
      assert.equal(await ctx.store.revokeUserTokens(o.userId, new Date()), 0);
    });

    it('deleteUser revokes refresh tokens too', async () => {
      const o = await owner(ctx);
      const u = (await ctx.store.getUser(o.userId))!;
      const rt = await ctx.store.insertRefreshToken(refresh(o));
      const at = new Date(1800000001000);
      assert.ok(await ctx.store.deleteUser(u.id, u.version, at, u.id));
      assert.deepEqual((await ctx.store.findRefreshToken(rt.tokenHash))?.revokedTime, at);
    });
  });
}

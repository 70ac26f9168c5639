// Call-rate limits (--rate-limit <calls>/<seconds>): per user, a sliding window, answered with
// 117 CallRateExceeded (SOAP: the AdApiFaultDetail fault, HTTP 500; REST: 429). Off by default. In
// memory per instance; with --redis shared by every instance of the store through Redis.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { CLI, startServer, type RunningServer } from '../../support/server.js';
import { faces, restCodes } from '../../support/faces.js';
import { faultCodes } from '../../support/clients.js';
import { createTestTenant } from '../../support/fixtures.js';

const run = promisify(execFile);
const REDIS_URL = process.env.ADCENTER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MESSAGE_117 = 'You have exceeded the number of calls that you are allowed to make in a minute. Please reduce the number of calls that you make per minute.';

const getUser = async (server: RunningServer, token: string, via: 'soap' | 'rest'): Promise<{ status: number; codes: number[] }> => {
  if (via === 'soap') {
    const r = await faces(server).soap('GetUser', '<UserId i:nil="true"/>', token);
    return { status: r.status, codes: faultCodes(r) };
  }
  const r = await faces(server).rest('GetUser', { UserId: null }, token);
  return { status: r.status, codes: restCodes(r) };
};

async function redisProblem(): Promise<string | null> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    client.disconnect();
  }
}

describe('call-rate limits, in memory', () => {
  it('is off by default', async () => {
    const server = await startServer();
    try {
      const token = await server.token();
      for (let i = 0; i < 30; i++) assert.equal((await getUser(server, token, i % 2 ? 'soap' : 'rest')).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('answers 117 past <calls> per user in the window, over SOAP and REST; other users keep their own window; it slides', async () => {
    const server = await startServer({ args: ['--rate-limit', '3/2'] });
    try {
      const token = await server.token();
      const other = await createTestTenant(await server.store(), 'sandbox', 'Other');
      // Unauthenticated calls get their own fault and are not counted (the limit is per user).
      for (let i = 0; i < 5; i++) assert.deepEqual((await getUser(server, 'not-a-token', 'rest')).codes, [105]);

      const started = Date.now();
      assert.equal((await getUser(server, token, 'soap')).status, 200);
      assert.equal((await getUser(server, token, 'rest')).status, 200);
      assert.equal((await getUser(server, token, 'soap')).status, 200);
      assert.deepEqual(await getUser(server, token, 'soap'), { status: 500, codes: [117] });
      const refused = await faces(server).rest('GetUser', { UserId: null }, token);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), null);
      assert.deepEqual(refused.body, {
        TrackingId: refused.headers.get('TrackingId'), Type: 'AdApiFaultDetail',
        Errors: [{ Code: 117, Detail: null, ErrorCode: 'CallRateExceeded', Message: MESSAGE_117 }],
      });
      // Another user is not affected.
      for (let i = 0; i < 3; i++) assert.equal((await getUser(server, other.token, 'rest')).status, 200);
      assert.equal((await getUser(server, other.token, 'rest')).status, 429);

      // The window slides: once the first calls are more than 2 s old, calls are admitted again
      // (refused calls did not count).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 2100 - Date.now())));
      assert.equal((await getUser(server, token, 'rest')).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a malformed --rate-limit at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'adcenter-test-'));
    try {
      await assert.rejects(run(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, '--rate-limit', 'lots']),
        (err: { code: number; stderr: string }) => err.code === 1 && /--rate-limit lots: expected <calls>\/<seconds>, e\.g\. 100\/60/.test(err.stderr));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('call-rate limits shared through Redis', async () => {
  const problem = await redisProblem();
  if (problem) {
    const message = `Redis unreachable at ${REDIS_URL}: ${problem}`;
    if (process.env.CI) it('Redis is reachable', () => assert.fail(message));
    else it('two instances share the window', { skip: `${message} (set CI to make this a failure)` }, () => {});
    return;
  }

  it('two instances of one store share the window: calls split over both exceed the limit together', async () => {
    const a = await startServer({ args: ['--rate-limit', '4/30', '--redis', REDIS_URL] });
    // The second instance serves the first one's data folder (SQLite, shared by two processes).
    const b = await startServer({ args: ['--rate-limit', '4/30', '--redis', REDIS_URL, '--data', a.dataDir] });
    try {
      const token = await a.token();
      const statuses = [];
      for (const [server, via] of [[a, 'rest'], [b, 'soap'], [a, 'soap'], [b, 'rest']] as const) statuses.push((await getUser(server, token, via)).status);
      assert.deepEqual(statuses, [200, 200, 200, 200]);
      assert.deepEqual(await getUser(a, token, 'rest'), { status: 429, codes: [117] });
      assert.deepEqual(await getUser(b, token, 'soap'), { status: 500, codes: [117] });
      assert.deepEqual(await getUser(b, token, 'rest'), { status: 429, codes: [117] });
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('concurrent calls on two instances never admit more than the limit', async () => {
    const a = await startServer({ args: ['--rate-limit', '10/30', '--redis', REDIS_URL] });
    const b = await startServer({ args: ['--rate-limit', '10/30', '--redis', REDIS_URL, '--data', a.dataDir] });
    try {
      const token = await a.token();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => getUser(i % 2 ? a : b, token, i % 3 ? 'rest' : 'soap')));
      assert.equal(results.filter((r) => r.status === 200).length, 10);
      assert.ok(results.every((r) => r.status === 200 || r.codes[0] === 117));
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('separate stores on one Redis do not share a window', async () => {
    const a = await startServer({ args: ['--rate-limit', '2/30', '--redis', REDIS_URL] });
    const b = await startServer({ args: ['--rate-limit', '2/30', '--redis', REDIS_URL] });
    try {
      const [ta, tb] = [await a.token(), await b.token()];
      for (let i = 0; i < 2; i++) assert.equal((await getUser(a, ta, 'rest')).status, 200);
      // Same demo user name and id in the other store: its own window.
      for (let i = 0; i < 2; i++) assert.equal((await getUser(b, tb, 'rest')).status, 200);
      assert.equal((await getUser(a, ta, 'rest')).status, 429);
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('a server whose Redis cannot be reached does not start, and says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'adcenter-test-'));
    try {
      await assert.rejects(run(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, '--rate-limit', '5/60', '--redis', 'redis://127.0.0.1:1']),
        (err: { code: number; stderr: string }) => err.code === 1 && /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/.test(err.stderr));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

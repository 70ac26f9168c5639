// The call-rate window shared by every instance through Redis: one sorted set per user (score =
// time of a call), trimmed, counted and added to by one Lua script, so concurrent calls on several
// instances cannot both take the last place. Redis's own clock (TIME) is used, so instances whose
// clocks differ still agree. Each key expires with its window.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CallWindow, RateLimit } from './call-window.js';

const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 1
`;

type AdmittingRedis = Redis & { adcenterAdmit(key: string, windowMs: number, calls: number, member: string): Promise<number> };

export class RedisWindow implements CallWindow {
  private sequence = 0;
  private readonly instance = randomUUID();

  private constructor(
    private readonly client: AdmittingRedis, private readonly limit: RateLimit, private readonly prefix: string,
    private readonly onError: (err: Error) => void,
  ) {}

  /** Connects (failing with a clear message when Redis cannot be reached) and loads the script. */
  static async connect(url: string, limit: RateLimit, prefix: string, onError: (err: Error) => void): Promise<RedisWindow> {
    const client = new Redis(url, {
      lazyConnect: true,
      // A call never waits for a reconnection: while Redis is away, calls fail open (see admit).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
    });
    client.on('error', () => { /* reported by the failing command; ioredis reconnects by itself */ });
    try {
      await client.connect();
      await client.ping();
    } catch (err) {
      client.disconnect();
      throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${(err as Error).message}`);
    }
    client.defineCommand('adcenterAdmit', { numberOfKeys: 1, lua: ADMIT });
    return new RedisWindow(client as AdmittingRedis, limit, prefix, onError);
  }

  async admit(key: string): Promise<boolean> {
    try {
      const member = `${this.instance}:${++this.sequence}`;
      return (await this.client.adcenterAdmit(`${this.prefix}${key}`, this.limit.windowMs, this.limit.calls, member)) === 1;
    } catch (err) {
      // An unreachable Redis must not take the API down with it: the call goes through, and is logged.
      this.onError(err as Error);
      return true;
    }
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given URL';
  }
}

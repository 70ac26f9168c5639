// The call-rate window of `serve`: none by default, in memory with --rate-limit, shared through
// Redis with --rate-limit and --redis. Redis keys carry the store's id (meta `store_id`, created on
// first use), so instances sharing a database share windows and unrelated stores never do.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import { MemoryWindow, parseRateLimit, type CallWindow } from '../http/inspect/call-window.js';

const STORE_ID = 'store_id';

export interface CallLimitOptions {
  rateLimit?: string | undefined;
  redis?: string | undefined;
}

export async function openCallWindow(store: Store, options: CallLimitOptions, onRedisError: (err: Error) => void): Promise<CallWindow | undefined> {
  if (!options.rateLimit) {
    if (options.redis) process.stderr.write('adcenter: --redis has no effect without --rate-limit\n');
    return undefined;
  }
  const limit = parseRateLimit(options.rateLimit);
  if (!options.redis) return new MemoryWindow(limit);
  // Loaded only here: without --redis, ioredis stays out of the process.
  const { RedisWindow } = await import('../http/inspect/redis-window.js');
  return RedisWindow.connect(options.redis, limit, `adcenter:${await storeId(store)}:calls:`, onRedisError);
}

async function storeId(store: Store): Promise<string> {
  let id = await store.getMeta(STORE_ID);
  if (!id) {
    await store.setMeta(STORE_ID, randomBytes(12).toString('hex'));
    id = (await store.getMeta(STORE_ID))!;
  }
  return id;
}

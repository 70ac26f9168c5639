// Call-rate limits: at most `calls` API calls per user in any sliding window of `windowMs` (the
// real service's "sliding protocol with a 60 second window", answered with 117 CallRateExceeded).
// A refused call is not counted, so a client that waits gets through again. In memory here;
// redis-window.ts shares the window between instances.

export interface RateLimit {
  readonly calls: number;
  readonly windowMs: number;
}

export interface CallWindow {
  /** Counts the call and says whether it is within the limit. */
  admit(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/** `100/60` (100 calls per 60 seconds); the seconds may carry an `s`. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/i.exec(text);
  const calls = match ? Number(match[1]) : NaN;
  const seconds = match ? Number(match[2]) : NaN;
  if (!Number.isSafeInteger(calls) || calls < 1 || !(seconds > 0)) {
    throw new Error(`--rate-limit ${text}: expected <calls>/<seconds>, e.g. 100/60`);
  }
  return { calls, windowMs: Math.round(seconds * 1000) };
}

export class MemoryWindow implements CallWindow {
  private readonly calls = new Map<string, number[]>();
  private admitted = 0;

  constructor(private readonly limit: RateLimit, private readonly now: () => number = Date.now) {}

  async admit(key: string): Promise<boolean> {
    const now = this.now();
    const since = now - this.limit.windowMs;
    let times = this.calls.get(key);
    if (!times) this.calls.set(key, (times = []));
    let stale = 0;
    while (stale < times.length && times[stale]! <= since) stale++;
    if (stale) times.splice(0, stale);
    if (++this.admitted % 10_000 === 0) this.sweep(since);
    if (times.length >= this.limit.calls) return false;
    times.push(now);
    return true;
  }

  async close(): Promise<void> {
    this.calls.clear();
  }

  /** Forgets users whose window is empty, so the map does not grow with every user ever seen. */
  private sweep(since: number): void {
    for (const [key, times] of this.calls) if ((times.at(-1) ?? 0) <= since) this.calls.delete(key);
  }
}

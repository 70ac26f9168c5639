// Sign-in throttling: failures are counted per user name and per client address in a sliding
// window, in this process's memory. Several instances behind one address each keep their own
// counts (an attacker gets instances × limit tries per window); a shared counter would need a store
// change and is noted in docs/web.md. The map is bounded so that a flood of made-up names cannot
// grow it without limit.

export interface WindowLimit {
  /** Failures allowed inside the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

/** Failure timestamps per key, oldest key first (Map keeps insertion order). */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: WindowLimit,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.maxFailures) return 0;
    const oldestCounted = recent[recent.length - this.limit.maxFailures]!;
    return Math.max(1, Math.ceil((oldestCounted + this.limit.windowMs - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    // Re-inserting moves the key to the end, so eviction drops the least recently failing key.
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-this.limit.maxFailures));
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back the most recent failure of the key (an attempt counted in advance that succeeded). */
  forgiveLast(key: string): void {
    const recent = this.recent(key);
    recent.pop();
    if (recent.length) this.failures.set(key, recent); else this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}

/** Defaults (docs/web.md): 5 failures per user name, 20 per client address, per 15 minutes. */
export const SIGN_IN_LIMITS = {
  perUserName: { maxFailures: 5, windowMs: 15 * 60_000 },
  // Higher than per name: many people may share one address (an office, a NAT).
  perAddress: { maxFailures: 20, windowMs: 15 * 60_000 },
} as const;

export class SignInLimiter {
  private readonly byName: FailureCounter;
  private readonly byAddress: FailureCounter;

  constructor(limits: { perUserName: WindowLimit; perAddress: WindowLimit } = SIGN_IN_LIMITS, now: () => number = Date.now) {
    this.byName = new FailureCounter(limits.perUserName, 10_000, now);
    this.byAddress = new FailureCounter(limits.perAddress, 10_000, now);
  }

  /** No limit at all (`serve --no-signin-limit`, for test suites that sign in many times). */
  static unlimited(): SignInLimiter {
    const never = { maxFailures: Number.POSITIVE_INFINITY, windowMs: 1 };
    return new SignInLimiter({ perUserName: never, perAddress: never });
  }

  /** Seconds to wait before this name may be tried from this address; 0 = go ahead. */
  retryAfterSeconds(userName: string, address: string): number {
    return Math.max(this.byName.retryAfterSeconds(nameKey(userName)), this.byAddress.retryAfterSeconds(address));
  }

  /**
   * Counts an attempt as a failure before the password is checked: parallel requests cannot all
   * pass the check while the (slow, scrypt) verifications are still running.
   */
  recordAttempt(userName: string, address: string): void {
    this.byName.recordFailure(nameKey(userName));
    this.byAddress.recordFailure(address);
  }

  /**
   * A correct password clears the name's count; at the address only this attempt is taken back
   * (one good account must not unlock guessing others from the same address).
   */
  recordSuccess(userName: string, address: string): void {
    this.byName.reset(nameKey(userName));
    this.byAddress.forgiveLast(address);
  }
}

// User names are matched case-insensitively by the store, so the limit must be too.
function nameKey(userName: string): string {
  return userName.trim().toLowerCase();
}

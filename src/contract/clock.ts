// The server's clock. Every time the service reads (token, invitation and client-link expiry,
// CreateTime and LastModifiedTime, sessions) comes from one of these, reached through
// ambient.ts, so a test can freeze or move a server's time (POST /_adcenter/clock) without
// touching the machine's clock or another server in the same process.

export interface Clock {
  now(): Date;
}

/** What POST /_adcenter/clock reports. */
export interface ClockState {
  /** The server's current time, ISO 8601. */
  readonly now: string;
  readonly frozen: boolean;
  /** How far the server's time is ahead of the machine's (negative: behind), in ms; 0 when frozen. */
  readonly offsetMs: number;
}

/**
 * The machine's time, optionally shifted by an offset or frozen at an instant. Starts as the
 * machine's time; a frozen clock stands still until advanced, set or thawed (it then runs on
 * from where it stood).
 */
export class ServerClock implements Clock {
  #offsetMs = 0;
  #frozenAt: number | null = null;

  constructor(private readonly machine: () => number = Date.now) {}

  now(): Date {
    return new Date(this.#ms());
  }

  freeze(): void {
    this.#frozenAt ??= this.#ms();
  }

  thaw(): void {
    if (this.#frozenAt === null) return;
    this.#offsetMs = this.#frozenAt - this.machine();
    this.#frozenAt = null;
  }

  /** Stands still at exactly `at` (freezing first, then setting, could let the machine tick in between). */
  freezeAt(at: Date): void {
    this.#frozenAt = at.getTime();
  }

  set(at: Date): void {
    if (this.#frozenAt !== null) this.#frozenAt = at.getTime();
    else this.#offsetMs = at.getTime() - this.machine();
  }

  advance(ms: number): void {
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
  }

  /** Back to the machine's time, running. */
  reset(): void {
    this.#offsetMs = 0;
    this.#frozenAt = null;
  }

  state(): ClockState {
    return { now: this.now().toISOString(), frozen: this.#frozenAt !== null, offsetMs: this.#frozenAt === null ? this.#offsetMs : 0 };
  }

  #ms(): number {
    return this.#frozenAt ?? this.machine() + this.#offsetMs;
  }
}

// The clock and random source of the server whose request is running. Each server binds its own
// (buildServer wraps its request handler in `withAmbient`), so several servers in one process —
// tests, startAdcenter() — each keep their own time and sequence; code outside any server (the
// CLI) gets the machine's clock and the CSPRNG. We chose AsyncLocalStorage over passing a clock
// through every signature: ~60 call sites in every layer (the store's audit columns included)
// need the time or chance, and threading them would change most function signatures the other
// work streams also edit. See docs/architecture.md, "Clock and chance".
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from './clock.js';
import { cryptoRandom, type RandomSource } from './random-source.js';

export interface Ambient {
  readonly clock: Clock;
  readonly random: RandomSource;
}

const SYSTEM: Ambient = { clock: { now: () => new Date() }, random: cryptoRandom };
const scope = new AsyncLocalStorage<Ambient>();

/** Runs `fn` (and everything it awaits or schedules) with this clock and random source. */
export function withAmbient<T>(ambient: Ambient, fn: () => T): T {
  return scope.run(ambient, fn);
}

/** The current server's time (the machine's outside a server). */
export function currentTime(): Date {
  return (scope.getStore() ?? SYSTEM).clock.now();
}

/** currentTime() in epoch milliseconds, as the store keeps times. */
export function nowMs(): number {
  return currentTime().getTime();
}

/** The current server's random source (the CSPRNG outside a server, or when not deterministic). */
export function random(): RandomSource {
  return (scope.getStore() ?? SYSTEM).random;
}

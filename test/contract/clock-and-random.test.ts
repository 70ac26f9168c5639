// The server clock (freeze, set, advance, thaw against a fake machine time) and the seeded
// random source (same seed, same sequence; restart; uniform ranges; UUID form).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currentTime, random, withAmbient } from '../../src/contract/ambient.js';
import { ServerClock } from '../../src/contract/clock.js';
import { cryptoRandom, SeededRandom } from '../../src/contract/random-source.js';

describe('ServerClock', () => {
  it('follows the machine, shifted, frozen and thawed', () => {
    let machine = 1_000_000;
    const clock = new ServerClock(() => machine);
    assert.equal(clock.now().getTime(), 1_000_000);
    clock.advance(5000);
    machine += 10;
    assert.equal(clock.now().getTime(), 1_005_010);
    clock.freeze();
    machine += 99_999;
    assert.equal(clock.now().getTime(), 1_005_010);
    clock.set(new Date(42));
    assert.deepEqual(clock.state(), { now: new Date(42).toISOString(), frozen: true, offsetMs: 0 });
    clock.thaw();
    machine += 8;
    assert.equal(clock.now().getTime(), 50, 'runs on from where it stood');
    clock.reset();
    assert.equal(clock.now().getTime(), machine);
  });
});

describe('ServerClock.freezeAt', () => {
  it('stands at exactly the time given, however the machine ticks meanwhile (set then freeze would drift)', () => {
    let machine = 1_000;
    const ticking = (): number => machine++;
    const at = new Date('2024-01-01T00:00:00.000Z');
    const drifting = new ServerClock(ticking);
    drifting.set(at);
    drifting.freeze();
    assert.notEqual(drifting.now().getTime(), at.getTime(), 'the machine ticked between set and freeze');
    const clock = new ServerClock(ticking);
    clock.freezeAt(at);
    assert.equal(clock.now().getTime(), at.getTime());
    assert.equal(clock.now().getTime(), at.getTime());
    assert.equal(clock.state().frozen, true);
  });
});

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed, another for another seed, and restarts', () => {
    const a = new SeededRandom('7');
    const b = new SeededRandom('7');
    const seqA = [a.uuid(), a.bytes(5).toString('hex'), a.int(0, 36)];
    assert.deepEqual([b.uuid(), b.bytes(5).toString('hex'), b.int(0, 36)], seqA);
    assert.notEqual(new SeededRandom('8').uuid(), seqA[0]);
    a.restart();
    assert.equal(a.uuid(), seqA[0]);
  });

  it('draws integers in range, every value reachable, and version 4 UUIDs', () => {
    const r = new SeededRandom('range');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 13);
      assert.ok(n >= 3 && n < 13);
      seen.add(n);
    }
    assert.equal(seen.size, 10);
    assert.match(r.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.throws(() => r.int(5, 5), RangeError);
  });
});

describe('ambient', () => {
  it('is the machine and the CSPRNG outside a server, the server\'s own inside its scope, across awaits', async () => {
    assert.equal(random(), cryptoRandom);
    const clock = new ServerClock();
    clock.freezeAt(new Date('2030-01-01T00:00:00Z'));
    const seeded = new SeededRandom('x');
    await withAmbient({ clock, random: seeded }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(currentTime().toISOString(), '2030-01-01T00:00:00.000Z');
      assert.equal(random(), seeded);
    });
    assert.notEqual(currentTime().getUTCFullYear(), 2030);
  });
});

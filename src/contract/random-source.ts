// Where the service's chance comes from: account and customer numbers, contact ids, TrackingIds,
// generated secrets (access, refresh and developer tokens, invitation links, OAuth codes and
// client ids). Normally the operating system's CSPRNG; with --deterministic (or --random-seed N)
// a seeded generator, so two runs of the same test get the same answers byte for byte.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export interface RandomSource {
  bytes(n: number): Buffer;
  /** An integer in [min, max) (max - min at most 2^48, as crypto.randomInt). */
  int(min: number, max: number): number;
  /** A version 4 UUID, lower case. */
  uuid(): string;
}

export const cryptoRandom: RandomSource = {
  bytes: (n) => randomBytes(n),
  int: (min, max) => randomInt(min, max),
  uuid: () => randomUUID(),
};

/**
 * SHA-256 in counter mode over the seed: block i = SHA-256("adcenter:<seed>:<i>"). Not a secret
 * generator (the seed is known), which is the point: a test's secrets are reproducible. The
 * server refuses it in production.
 */
export class SeededRandom implements RandomSource {
  #counter = 0;
  #pool = Buffer.alloc(0);

  constructor(readonly seed: string) {}

  bytes(n: number): Buffer {
    while (this.#pool.length < n) {
      const block = createHash('sha256').update(`adcenter:${this.seed}:${this.#counter++}`).digest();
      this.#pool = Buffer.concat([this.#pool, block]);
    }
    const out = Buffer.from(this.#pool.subarray(0, n));
    this.#pool = this.#pool.subarray(n);
    return out;
  }

  int(min: number, max: number): number {
    const range = max - min;
    if (!Number.isSafeInteger(range) || range <= 0 || range > 2 ** 48) throw new RangeError('int: bad range');
    // Rejection sampling over 48 bits, so every value is equally likely.
    const limit = 2 ** 48 - (2 ** 48 % range);
    for (;;) {
      const x = this.bytes(6).readUIntBE(0, 6);
      if (x < limit) return min + (x % range);
    }
  }

  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Back to the start of the sequence (POST /_adcenter/reset). */
  restart(): void {
    this.#counter = 0;
    this.#pool = Buffer.alloc(0);
  }
}

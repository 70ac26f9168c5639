// System-generated numbers: "a series of any eight alphanumeric characters" for accounts (for
// example F168K7MC) and ten for customers. Random, upper-case, starting with a letter; uniqueness
// is the store's unique index, and callers retry on a clash.
import { createHash } from 'node:crypto';
import { StoreConflict } from '../store/store.js';
import { random } from '../contract/ambient.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWYZ'; // no X: X followed by digits is the legacy number form
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function generate(length: number): string {
  let out = LETTERS[random().int(0, LETTERS.length)]!;
  while (out.length < length) out += ALPHANUMERIC[random().int(0, ALPHANUMERIC.length)]!;
  return out;
}

export const newAccountNumber = (): string => generate(8);
export const newCustomerNumber = (): string => generate(10);

/** Ids of addresses and contact records, which live inside their owner's row. */
export function newNestedId(): bigint {
  return 600_000_000n + BigInt(random().int(1, 2 ** 47));
}

/** Inserts with a freshly generated number, trying again when the number is already taken. */
export async function retryOnNumber<T>(what: 'customer_number' | 'account_number', insert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert();
    } catch (err) {
      if (!(err instanceof StoreConflict) || err.what !== what || attempt >= 5) throw err;
    }
  }
}

/**
 * A number derived from a text (a seed file's customer or account without a number), in the
 * generated numbers' form, so applying the file again finds the same entity.
 */
export function numberFromText(length: number, text: string): string {
  const bytes = createHash('sha256').update(text, 'utf8').digest();
  let out = LETTERS[bytes[0]! % LETTERS.length]!;
  for (let i = 1; out.length < length; i++) out += ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length]!;
  return out;
}

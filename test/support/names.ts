// The one way tests name things: unique across tests and across runs on the same store.
import { randomBytes } from 'node:crypto';

/** `prefix-` and ten hex digits: a name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

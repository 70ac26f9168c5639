// How the domain's one error type looks to a unit test: its catalogue name (`fault`). Read by
// shape, not by class, so these tests do not depend on where the error class lives.
import assert from 'node:assert/strict';

interface NamedFault { name: string; fault: string }

function isNamedFault(e: unknown): e is NamedFault {
  return e instanceof Error && e.name === 'ApiError' && typeof (e as Partial<NamedFault>).fault === 'string';
}

/** Asserts `run` throws the domain error naming `fault`. */
export function assertFault(run: () => unknown, fault: string): void {
  assert.throws(run, (e: unknown) => isNamedFault(e) && e.fault === fault);
}

/** Asserts the promise rejects with the domain error naming `fault`. */
export async function assertFaultAsync(promise: Promise<unknown>, fault: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => isNamedFault(e) && e.fault === fault);
}

// TimeStamp (base64Binary) is the row version as 8 big-endian bytes, like SQL Server's rowversion:
// opaque to clients, different after every write.
import { ApiError } from '../contract/api-error.js';

// One scratch DataView for the conversions: a DataView over a fresh small Uint8Array makes V8 move
// the array's bytes off the heap first, which cost about a microsecond per entity written.
const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

export function encodeTimeStamp(version: bigint): Uint8Array {
  scratch.setBigUint64(0, version);
  return scratchBytes.slice();
}

export function decodeTimeStamp(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== 8) return undefined;
  scratchBytes.set(bytes);
  return scratch.getBigUint64(0);
}

/** The TimeStamp a guarded write must carry: NullParameter when it is missing. */
export function requireTimeStamp(value: Uint8Array | null | undefined, path: string): Uint8Array {
  if (!value) throw new ApiError('NullParameter', `${path} is required.`);
  return value;
}

/**
 * The optimistic-concurrency check of UpdateAccount, UpdateUser, DeleteUser, UpdateCustomer and DeleteCustomer: the TimeStamp sent
 * must name the record's current version, else 209 TimestampNotMatch. Returns that version.
 */
export function checkTimeStamp(value: Uint8Array | null | undefined, current: bigint, path: string, entity: 'account' | 'user' | 'customer'): bigint {
  const expected = decodeTimeStamp(requireTimeStamp(value, path));
  if (expected === undefined || expected !== current) {
    throw new ApiError('TimestampNotMatch', `${path} is not the current time stamp of the ${entity}; get the ${entity} again.`);
  }
  return expected;
}

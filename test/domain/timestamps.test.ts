// TimeStamp bytes (src/domain/timestamps.ts): the row version as 8 big-endian bytes, each call
// its own array, and back.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTimeStamp, encodeTimeStamp } from '../../src/domain/timestamps.js';

/** The bytes as DataView's setBigUint64 writes them (big-endian, modulo 2^64). */
function reference(version: bigint): number[] {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, version);
  return [...bytes];
}

describe('TimeStamp bytes', () => {
  const versions = [0n, 1n, 7n, 255n, 256n, 1000n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, 0x0102030405060708n];

  it('are the version big-endian, and decode back to it', () => {
    for (const v of versions) {
      const bytes = encodeTimeStamp(v);
      assert.deepEqual([...bytes], reference(v), `${v}`);
      assert.equal(decodeTimeStamp(bytes), v);
    }
    assert.deepEqual([...encodeTimeStamp(0x0102030405060708n)], [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('each encoding is its own array: a later one does not change an earlier one', () => {
    const first = encodeTimeStamp(1n);
    const second = encodeTimeStamp(2n);
    assert.deepEqual([...first], [0, 0, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual([...second], [0, 0, 0, 0, 0, 0, 0, 2]);
    second[7] = 9;
    assert.equal(decodeTimeStamp(first), 1n);
  });

  it('decoding reads only the view\'s own 8 bytes, and refuses other lengths', () => {
    const within = new Uint8Array([9, 9, 0, 0, 0, 0, 0, 0, 1, 44, 9]).subarray(2, 10);
    assert.equal(decodeTimeStamp(within), 300n);
    assert.equal(decodeTimeStamp(new Uint8Array(7)), undefined);
    assert.equal(decodeTimeStamp(new Uint8Array(9)), undefined);
  });
});

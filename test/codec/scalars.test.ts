// The lexical forms both faces accept and produce (src/codec/scalars.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatBase64, formatDateTime, parseScalar, ScalarError } from '../../src/codec/scalars.js';
import { SeededRandom } from '../../src/contract/random-source.js';

/** What formatDateTime gave when it was toISOString (and its first 23 characters with 0000Z for seven digits). */
function viaIsoString(date: Date, fractionDigits: 3 | 7): string {
  const iso = date.toISOString();
  return fractionDigits === 3 ? iso : `${iso.slice(0, 23)}0000Z`;
}

describe('XML Schema scalars', () => {
  it('longs keep every digit and stay within 64 bits', () => {
    assert.equal(parseScalar('long', '9007199254740993'), 9007199254740993n);
    assert.equal(parseScalar('long', '-9223372036854775808'), -(2n ** 63n));
    assert.throws(() => parseScalar('long', '9223372036854775808'), ScalarError);
    assert.throws(() => parseScalar('long', '12abc'), ScalarError);
    assert.throws(() => parseScalar('long', '1.5'), ScalarError);
  });

  it('ints and unsigned bytes are range-checked', () => {
    assert.equal(parseScalar('int', '2147483647'), 2147483647);
    assert.throws(() => parseScalar('int', '2147483648'), ScalarError);
    assert.equal(parseScalar('unsignedByte', '255'), 255);
    assert.throws(() => parseScalar('unsignedByte', '-1'), ScalarError);
  });

  it('dateTime: seven fractional digits, zones, no zone as UTC, years below 100', () => {
    assert.equal(parseScalar('dateTime', '2024-01-02T03:04:05.1234567').toISOString(), '2024-01-02T03:04:05.123Z');
    assert.equal(parseScalar('dateTime', '2024-01-02T03:04:05+02:00').toISOString(), '2024-01-02T01:04:05.000Z');
    assert.equal(parseScalar('dateTime', '0099-01-01T00:00:00Z').getUTCFullYear(), 99);
    assert.throws(() => parseScalar('dateTime', '2024-13-02T03:04:05'), ScalarError);
    assert.throws(() => parseScalar('dateTime', 'yesterday'), ScalarError);
    // A bare date is midnight (WCF's XmlConvert accepts every XSD form); a half time is not a dateTime.
    assert.equal(parseScalar('dateTime', '2024-01-02').toISOString(), '2024-01-02T00:00:00.000Z');
    assert.equal(parseScalar('dateTime', '2024-01-02+01:00').toISOString(), '2024-01-01T23:00:00.000Z');
    assert.throws(() => parseScalar('dateTime', '2024-01-02T03:04'), ScalarError);
    // Without an offset, as the official examples send a ClientLink's StartDate back: UTC.
    assert.equal(parseScalar('dateTime', '2024-01-02T03:04:05.123457').toISOString(), '2024-01-02T03:04:05.123Z');
    assert.equal(formatDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 123))), '2026-01-02T03:04:05.1230000Z');
    assert.equal(formatDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 123)), 3), '2026-01-02T03:04:05.123Z');
  });

  it('strings that XML 1.0 cannot carry are refused', () => {
    assert.equal(parseScalar('string', 'tab\tand newline\n'), 'tab\tand newline\n');
    assert.throws(() => parseScalar('string', 'nul\u0000'), ScalarError);
    assert.throws(() => parseScalar('string', 'bell\u0007'), ScalarError);
  });

  it('base64Binary, boolean and decimal', () => {
    assert.deepEqual([...parseScalar('base64Binary', 'AAAAAAAAAAE=')], [0, 0, 0, 0, 0, 0, 0, 1]);
    assert.throws(() => parseScalar('base64Binary', 'not base64!'), ScalarError);
    assert.equal(parseScalar('boolean', '1'), true);
    assert.throws(() => parseScalar('boolean', 'yes'), ScalarError);
    assert.equal(parseScalar('decimal', '1234.5600'), '1234.5600');
    assert.throws(() => parseScalar('decimal', '1e5'), ScalarError);
  });

  it('dateTime text is toISOString\'s for every date: random ones, year and day edges, years outside 0000-9999', () => {
    const random = new SeededRandom('formatDateTime');
    const times: number[] = [];
    // Random instants over the whole Date range, and over 1900-2100 where the service's dates are.
    for (let i = 0; i < 20_000; i++) times.push(random.int(-8.64e15 / 2 ** 6, 8.64e15 / 2 ** 6) * 2 ** 6 + random.int(0, 64));
    for (let i = 0; i < 20_000; i++) times.push(random.int(-2_208_988_800_000, 4_102_444_800_000));
    // First and last milliseconds of years 0, 1, 99, 100, 999, 1000, 1582, 1900, 1970, 2000, 2100, 9999, 10000, -1,
    // leap days, and each month's first day in a leap and a common year.
    for (const year of [-1, 0, 1, 4, 99, 100, 400, 999, 1000, 1582, 1600, 1900, 1969, 1970, 2000, 2024, 2100, 9999, 10000, 275759]) {
      for (const month of [0, 1, 2, 11]) {
        const start = new Date(0);
        start.setUTCFullYear(year, month, 1);
        times.push(start.getTime(), start.getTime() - 1, start.getTime() + 1);
        const leap = new Date(0);
        leap.setUTCFullYear(year, 1, 29);
        times.push(leap.getTime(), leap.getTime() + 86_399_999);
      }
    }
    times.push(8.64e15, -8.64e15, 0, -1, 1, 86_399_999, 86_400_000, -86_400_000, -86_400_001);
    for (const t of times) {
      const date = new Date(t);
      for (const digits of [3, 7] as const) assert.equal(formatDateTime(date, digits), viaIsoString(date, digits), `${t}`);
    }
    assert.equal(formatDateTime(new Date(-1)), '1969-12-31T23:59:59.9990000Z');
    assert.equal(formatDateTime(new Date(-62135596800000), 3), '0001-01-01T00:00:00.000Z');
    assert.equal(formatDateTime(new Date(253402300800000), 3), '+010000-01-01T00:00:00.000Z');
    assert.throws(() => formatDateTime(new Date(Number.NaN)), RangeError);
  });

  it('base64 text is Buffer\'s for every length', () => {
    const random = new SeededRandom('formatBase64');
    for (let n = 0; n < 200; n++) {
      for (let round = 0; round < 5; round++) {
        const bytes = new Uint8Array(random.bytes(n));
        assert.equal(formatBase64(bytes), Buffer.from(bytes).toString('base64'), `${n}`);
        // A view into a larger buffer: only its own bytes count.
        const within = new Uint8Array(random.bytes(n + 7)).subarray(3, 3 + n);
        assert.equal(formatBase64(within), Buffer.from(within).toString('base64'), `${n} within`);
      }
    }
    assert.equal(formatBase64(new Uint8Array([255, 255, 255, 0, 0, 0, 0, 7])), '////AAAAAAc=');
  });
});

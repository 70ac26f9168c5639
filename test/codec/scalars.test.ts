// The lexical forms both faces accept and produce (src/codec/scalars.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, parseScalar, ScalarError } from '../../src/codec/scalars.js';

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
});

// Parsing and formatting of XML Schema scalar values, shared by the SOAP and JSON codecs so that
// both faces accept and produce exactly the same lexical forms.
import type { PrimitiveName, PrimitiveValues } from '../contract/model.js';
import type { WireValue } from '../contract/values.js';
import { INT64_MAX, INT64_MIN } from '../contract/ids.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// xs:dateTime: date, time, optional fraction (any length, .NET sends 7 digits), optional zone.
// The time may be left out (midnight): WCF reads dateTime with XmlConvert's "all XSD forms", which
// takes a bare date too, and clients that send a ClientLink StartDate as a date rely on it.
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
// Characters XML 1.0 cannot carry; refused on input so that every stored string can be written back.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * XML Schema's whiteSpace facet trims only space, tab, CR and LF (XSD 1.0 §4.3.6); String.trim()
 * would also strip U+00A0, U+FEFF, U+3000 and accept ids padded with them, which WCF refuses.
 */
export function trimXmlSpace(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Thrown with a human-readable reason; the codec adds the element path and maps it to a fault. */
export class ScalarError extends Error {}

export function parseScalar<P extends PrimitiveName>(type: P, text: string): PrimitiveValues[P];
export function parseScalar(type: PrimitiveName, text: string): WireValue {
  switch (type) {
    case 'string':
      if (NOT_XML_CHAR.test(text)) throw new ScalarError('contains a character that is not allowed');
      return text;
    case 'long': {
      const t = trimXmlSpace(text);
      if (!/^[+-]?\d{1,19}$/.test(t)) throw new ScalarError('is not a valid long');
      const v = BigInt(t);
      if (v < INT64_MIN || v > INT64_MAX) throw new ScalarError('is out of range for long');
      return v;
    }
    case 'int':
    case 'unsignedByte': {
      const t = trimXmlSpace(text);
      if (!/^[+-]?\d{1,10}$/.test(t)) throw new ScalarError(`is not a valid ${type}`);
      const v = Number(t);
      const [min, max] = type === 'int' ? [-2147483648, 2147483647] : [0, 255];
      if (v < min || v > max) throw new ScalarError(`is out of range for ${type}`);
      return v;
    }
    case 'decimal': {
      const t = trimXmlSpace(text);
      if (!DECIMAL.test(t) || t.replace(/[^0-9]/g, '').length > 29) throw new ScalarError('is not a valid decimal');
      return t;
    }
    case 'boolean': {
      const t = trimXmlSpace(text);
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw new ScalarError('is not a valid boolean');
    }
    case 'dateTime':
      return parseDateTime(trimXmlSpace(text));
    case 'base64Binary': {
      const t = text.replace(/\s+/g, '');
      if (t.length % 4 !== 0 || !BASE64.test(t)) throw new ScalarError('is not valid base64');
      return new Uint8Array(Buffer.from(t, 'base64'));
    }
  }
}

function parseDateTime(text: string): Date {
  const m = DATE_TIME.exec(text);
  if (!m) throw new ScalarError('is not a valid dateTime');
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  // A dateTime without a zone is taken as UTC: the service works in UTC ("server time").
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const base = new Date(0);
  base.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  base.setUTCHours(Number(h), Number(mi), Number(s), ms);
  let t = base.getTime();
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const date = new Date(t);
  const fieldsInRange = Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31
    && Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59;
  if (!fieldsInRange || Number.isNaN(date.getTime())) throw new ScalarError('is not a valid dateTime');
  return date;
}

const DAY_MS = 86_400_000;
// 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z: toISOString writes four-digit years
// between them, and a signed six-digit year (or a RangeError) outside, which is left to it.
const FIRST_MS = -62_167_219_200_000;
const END_MS = 253_402_300_800_000;
const DIGITS2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** WCF writes UTC dateTime values with seven fractional digits; the official SDKs parse that form. */
export function formatDateTime(date: Date, fractionDigits: 3 | 7 = 7): string {
  const ms = date.getTime();
  if (ms >= FIRST_MS && ms < END_MS) return isoText(ms, fractionDigits === 3 ? 'Z' : '0000Z');
  // ±yyyyyy-mm-ddThh:mm:ss.fffZ, or a RangeError for an invalid date; cut at 23 as it always was.
  const iso = date.toISOString();
  return fractionDigits === 3 ? iso : `${iso.slice(0, 23)}0000Z`;
}

/**
 * toISOString's yyyy-mm-ddThh:mm:ss.fff and then `end`, worked out from a time value of a
 * four-digit year with integer arithmetic (toISOString was a visible share of writing a page).
 */
function isoText(ms: number, end: string): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  // Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's civil_from_days, eras of 400 years).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${DIGITS2[(year / 100) | 0]}${DIGITS2[year % 100]}-${DIGITS2[month]}-${DIGITS2[day]}T${DIGITS2[hour]}:${DIGITS2[minute]}:${DIGITS2[second]}.${DIGITS3[milli]}${end}`;
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Buffer's base64 text (padded, standard alphabet). Short values, such as the 8-byte TimeStamp of
 * every entity, are encoded here: a Buffer round trip costs more than the encoding itself.
 */
export function formatBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n > 48) return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('base64');
  let out = '';
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += BASE64_DIGITS[v >>> 18] + BASE64_DIGITS[(v >>> 12) & 63] + BASE64_DIGITS[(v >>> 6) & 63] + BASE64_DIGITS[v & 63];
  }
  if (i + 1 === n) {
    const v = bytes[i] << 16;
    out += `${BASE64_DIGITS[v >>> 18]}${BASE64_DIGITS[(v >>> 12) & 63]}==`;
  } else if (i + 2 === n) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${BASE64_DIGITS[v >>> 18]}${BASE64_DIGITS[(v >>> 12) & 63]}${BASE64_DIGITS[(v >>> 6) & 63]}=`;
  }
  return out;
}

export function formatScalar(type: PrimitiveName, value: WireValue): string {
  switch (type) {
    case 'dateTime':
      return formatDateTime(value as Date);
    case 'base64Binary':
      return formatBase64(value as Uint8Array);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

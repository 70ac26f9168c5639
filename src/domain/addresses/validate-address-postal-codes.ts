// Postal-code formats: for each country with a fixed format, the code without spaces or dashes
// ("compact") and how it is written. A code in another layout (spaces, dashes, case) is still the
// code, so it is valid, and its canonical writing is suggested. Other countries: free text.

export interface PostalFormat {
  /** The code with spaces, dashes and the optional country prefix removed, upper-case. */
  readonly compact: RegExp;
  /** The canonical writing of a compact code. */
  readonly format: (compact: string) => string;
  /** A country prefix some write before the code (LV-1050), removed before matching. */
  readonly prefix?: string;
}

const plain = (digits: number): PostalFormat => ({ compact: new RegExp(`^\\d{${digits}}$`), format: (c) => c });
/** Digits with a separator after `at` characters (e.g. "#####-###"). */
const split = (compact: RegExp, at: number, sep: string): PostalFormat =>
  ({ compact, format: (c) => `${c.slice(0, at)}${sep}${c.slice(at)}` });
const prefixed = (prefix: string, digits: number): PostalFormat =>
  ({ compact: new RegExp(`^\\d{${digits}}$`), format: (c) => `${prefix}-${c}`, prefix });

export const POSTAL_FORMATS: Readonly<Record<string, PostalFormat>> = {
  US: { compact: /^\d{5}(\d{4})?$/, format: (c) => (c.length === 9 ? `${c.slice(0, 5)}-${c.slice(5)}` : c) },
  CA: split(/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/, 3, ' '),
  AU: plain(4),
  IN: plain(6),
  BR: split(/^\d{8}$/, 5, '-'),
  MX: plain(5),
  JP: split(/^\d{7}$/, 3, '-'),
  GB: { compact: /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/, format: (c) => `${c.slice(0, -3)} ${c.slice(-3)}` },
  NZ: plain(4),
  CH: plain(4),
  NO: plain(4),
  SG: plain(6),
  // The European Union.
  AT: plain(4),
  BE: plain(4),
  BG: plain(4),
  HR: plain(5),
  CY: plain(4),
  CZ: split(/^\d{5}$/, 3, ' '),
  DK: plain(4),
  EE: plain(5),
  FI: plain(5),
  FR: plain(5),
  DE: plain(5),
  GR: split(/^\d{5}$/, 3, ' '),
  HU: plain(4),
  IE: split(/^[AC-FHKNPRTV-Y]\d[\dW][AC-FHKNPRTV-Y\d]{4}$/, 3, ' '),
  IT: plain(5),
  LV: prefixed('LV', 4),
  LT: prefixed('LT', 5),
  LU: { compact: /^\d{4}$/, format: (c) => c, prefix: 'L' },
  MT: split(/^[A-Z]{3}\d{4}$/, 3, ' '),
  NL: split(/^[1-9]\d{3}[A-Z]{2}$/, 4, ' '),
  PL: split(/^\d{5}$/, 2, '-'),
  PT: split(/^\d{7}$/, 4, '-'),
  RO: plain(6),
  SK: split(/^\d{5}$/, 3, ' '),
  SI: plain(4),
  ES: { compact: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, format: (c) => c },
  SE: split(/^\d{5}$/, 3, ' '),
};

/** Countries with no postal-code system: PostalCode may be left out there. */
export const NO_POSTAL_CODE: ReadonlySet<string> = new Set([
  'AE', 'AG', 'AO', 'AW', 'BF', 'BI', 'BJ', 'BO', 'BS', 'BW', 'BZ', 'CD', 'CF', 'CG', 'CI', 'CK', 'CM', 'CW', 'DJ',
  'DM', 'ER', 'FJ', 'GD', 'GM', 'GQ', 'GY', 'HK', 'JM', 'KI', 'KM', 'KN', 'KP', 'LY', 'ML', 'MO', 'MR', 'MW', 'NR',
  'NU', 'QA', 'RW', 'SB', 'SC', 'SL', 'SO', 'SR', 'ST', 'SX', 'SY', 'TD', 'TF', 'TG', 'TK', 'TL', 'TO', 'TV', 'UG',
  'VU', 'YE', 'ZW',
]);

/** The code as written, upper-cased, without spaces, dashes or the country prefix. */
export function compactPostalCode(value: string, format: PostalFormat | undefined): string {
  let c = value.toUpperCase().replace(/[\s-]+/g, '');
  if (format?.prefix && c.startsWith(format.prefix) && c.length > format.prefix.length && /\d/.test(c[format.prefix.length]!)) {
    c = c.slice(format.prefix.length);
  }
  return c;
}

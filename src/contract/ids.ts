// Identifiers are signed 64-bit integers on the wire (xs:long); ids the service hands out are
// never negative. One home for the range and for reading an id written as plain digits.
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** Digits only, 0 … 2^63-1 (beyond a signed 64-bit id nothing exists and no database could bind it); else null. */
export function parseId(text: string | null | undefined): bigint | null {
  if (!text || !/^\d{1,19}$/.test(text)) return null;
  const id = BigInt(text);
  return id <= INT64_MAX ? id : null;
}

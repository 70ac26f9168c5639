// Password hashing with scrypt (a memory-hard KDF built into Node), per-password random salt,
// parameters stored with the hash (`scrypt$N$r$p$salt$key`) so they can be raised later: a hash
// made with weaker parameters still verifies, and needsRehash() tells sign-in to replace it.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** OWASP's current scrypt guidance: N=2^17, r=8, p=1 (128 MiB of memory per hash). */
export const SCRYPT_PARAMETERS = { n: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Stored parameters above these are refused rather than run: a hash must not be able to exhaust memory or CPU. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

interface ScryptParameters {
  n: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, { n, r, p }: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (plus a little); Node's default maxmem (32 MiB) is far below 2^17·8.
  const maxmem = 128 * n * r * (p + 1) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { n, r, p } = SCRYPT_PARAMETERS;
  const key = await derive(password, salt, SCRYPT_PARAMETERS);
  return `scrypt$${n}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface StoredHash extends ScryptParameters {
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key || rest.length > 0) return null;
  const params = { n: Number(n), r: Number(r), p: Number(p) };
  const sane = Number.isSafeInteger(params.n) && params.n > 1 && (params.n & (params.n - 1)) === 0 && params.n <= MAX_N
    && Number.isSafeInteger(params.r) && params.r >= 1 && params.r <= MAX_R
    && Number.isSafeInteger(params.p) && params.p >= 1 && params.p <= MAX_P;
  return sane ? { ...params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const actual = await derive(password, hash.salt, hash);
  return actual.length === hash.key.length && timingSafeEqual(actual, hash.key);
}

/** Whether a (verified) stored hash was made with other parameters than today's: re-hash it. */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  const { n, r, p } = SCRYPT_PARAMETERS;
  return hash === null || hash.n !== n || hash.r !== r || hash.p !== p || hash.key.length !== KEY_LENGTH;
}

export const PASSWORD_MIN_LENGTH = 8;
/** Longer input is cut here before hashing: scrypt's cost grows with the password's length. */
export const PASSWORD_MAX_LENGTH = 256;

/** What is wrong with a new password and its confirmation, or null when acceptable. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (password !== confirm) return 'The password and its confirmation do not match.';
  return null;
}

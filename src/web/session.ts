// Signed session cookies: the cookie carries the user id, an expiry and a CSRF token, with an
// HMAC over them using a key kept in the store (so every instance sharing the store agrees).
// Nothing secret is in the cookie; tampering breaks the signature.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseId } from '../contract/ids.js';
import type { Store } from '../store/store.js';

export const SESSION_COOKIE = 'adcenter_session';
const KEY_META = 'session_signing_key';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

export interface Session {
  userId: bigint;
  /** Echoed in every form, so a cross-site POST cannot act for the user. */
  csrf: string;
  expiresAt: number;
}

/** The store's signing key, created on first use. */
export async function signingKey(store: Store): Promise<Buffer> {
  let hex = await store.getMeta(KEY_META);
  if (!hex) {
    await store.setMeta(KEY_META, randomBytes(32).toString('hex'));
    hex = (await store.getMeta(KEY_META))!;
  }
  return Buffer.from(hex, 'hex');
}

export class Sessions {
  constructor(private readonly key: Buffer, private readonly secure = false, private readonly lifetimeSeconds = DEFAULT_LIFETIME_SECONDS) {}

  static async forStore(store: Store, options: { secure?: boolean } = {}): Promise<Sessions> {
    return new Sessions(await signingKey(store), options.secure ?? false);
  }

  /** HMAC-SHA256 of a value with the store key: also used to sign links (invitations). */
  sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }

  verify(value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  read(req: FastifyRequest): Session | null {
    const raw = cookie(req, SESSION_COOKIE);
    if (!raw) return null;
    const dot = raw.lastIndexOf('.');
    if (dot < 0) return null;
    const payload = raw.slice(0, dot);
    if (!this.verify(payload, raw.slice(dot + 1))) return null;
    const [userId, csrf, expiresAt] = Buffer.from(payload, 'base64url').toString('utf8').split('|');
    const id = parseId(userId);
    if (id === null || !csrf || Number(expiresAt) <= Date.now()) return null;
    return { userId: id, csrf, expiresAt: Number(expiresAt) };
  }

  issue(reply: FastifyReply, userId: bigint): Session {
    const { session, value } = this.create(userId);
    reply.header('Set-Cookie', this.cookieHeader(value, this.lifetimeSeconds));
    return session;
  }

  /** A new session and its signed cookie value (what issue() sets; tests build cookies with it). */
  create(userId: bigint): { session: Session; value: string } {
    const session = { userId, csrf: randomBytes(16).toString('base64url'), expiresAt: Date.now() + this.lifetimeSeconds * 1000 };
    const payload = Buffer.from(`${userId}|${session.csrf}|${session.expiresAt}`).toString('base64url');
    return { session, value: `${payload}.${this.sign(payload)}` };
  }

  clear(reply: FastifyReply): void {
    reply.header('Set-Cookie', this.cookieHeader('', 0));
  }

  private cookieHeader(value: string, maxAge: number): string {
    // Lax, not Strict: the OAuth authorize redirect arrives from another site and must see the session.
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${this.secure ? '; Secure' : ''}`;
  }
}

export function cookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

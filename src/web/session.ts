// Sessions of the web application, kept server-side (store: web_sessions) so that signing out ends
// them at once. The cookie carries only a random session id with an HMAC over it (key kept in the
// store, so every instance sharing the store agrees); each request looks the session up by the
// id's hash and must find it unrevoked and unexpired. The user id and CSRF token live in the row.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../domain/credentials.js';
import type { Store } from '../store/store.js';
import { CookieSecurity } from './cookie-security.js';
import { currentTime } from '../contract/ambient.js';

export const SESSION_COOKIE = 'adcenter_session';
const KEY_META = 'session_signing_key';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

export interface Session {
  userId: bigint;
  /** Echoed in every form, so a cross-site POST cannot act for the user. */
  csrf: string;
  expiresAt: number;
  /** The store's key of the session (hash of the id in the cookie); revoking it ends the session. */
  sessionHash: string;
}

/** The store's signing key, created on first use. */
export async function signingKey(store: Store): Promise<Buffer> {
  // Claimed, not overwritten: instances starting together on one new store must agree on the key.
  const hex = await store.getMeta(KEY_META) || await store.claimMeta(KEY_META, randomBytes(32).toString('hex'));
  return Buffer.from(hex, 'hex');
}

export class Sessions {
  constructor(
    private readonly key: Buffer,
    private readonly store: Store,
    private readonly security = new CookieSecurity(),
    private readonly lifetimeSeconds = DEFAULT_LIFETIME_SECONDS,
  ) {}

  static async forStore(store: Store, options: { security?: CookieSecurity } = {}): Promise<Sessions> {
    return new Sessions(await signingKey(store), store, options.security);
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

  /** The live session the request's cookie names, or null. */
  async read(req: FastifyRequest): Promise<Session | null> {
    const raw = cookie(req, SESSION_COOKIE);
    if (!raw) return null;
    const dot = raw.lastIndexOf('.');
    if (dot < 0) return null;
    const id = raw.slice(0, dot);
    // The signature spares the store a lookup for forged ids.
    if (!this.verify(id, raw.slice(dot + 1))) return null;
    const record = await this.store.findLiveWebSession(hashSecret(id), currentTime());
    if (!record) return null;
    return { userId: record.userId, csrf: record.csrf, expiresAt: record.expiresAt.getTime(), sessionHash: record.sessionHash };
  }

  async issue(req: FastifyRequest, reply: FastifyReply, userId: bigint): Promise<Session> {
    const { session, value } = await this.create(userId);
    reply.header('Set-Cookie', this.cookieHeader(req, value, this.lifetimeSeconds));
    return session;
  }

  /** A new stored session and its signed cookie value (what issue() sets; tests build cookies with it). */
  async create(userId: bigint): Promise<{ session: Session; value: string }> {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('base64url');
    const expiresAt = new Date(currentTime().getTime() + this.lifetimeSeconds * 1000);
    const record = await this.store.insertWebSession({ sessionHash: hashSecret(id), userId, csrf, expiresAt });
    const session = { userId, csrf, expiresAt: expiresAt.getTime(), sessionHash: record.sessionHash };
    return { session, value: `${id}.${this.sign(id)}` };
  }

  /** Ends the session in the store: its cookie, wherever copied, stops working. */
  async revoke(session: Session): Promise<void> {
    await this.store.revokeWebSession(session.sessionHash, currentTime());
  }

  /** Signs out: the session ends in the store and the cookie is cleared. */
  async end(req: FastifyRequest, reply: FastifyReply, session: Session | null): Promise<void> {
    if (session) await this.revoke(session);
    reply.header('Set-Cookie', this.cookieHeader(req, '', 0));
  }

  private cookieHeader(req: FastifyRequest, value: string, maxAge: number): string {
    // Lax, not Strict: the OAuth authorize redirect arrives from another site and must see the session.
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${this.security.attribute(req)}`;
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

import pino from 'pino';
import { DEFAULT_ACCESS_TOKEN_SECONDS } from '../auth/scopes.js';
import { buildServer, DEFAULT_BODY_LIMIT } from './server.js';
import { serializeRequest } from '../http/log-serializers.js';
import type { Environment } from '../contract/environment.js';
import { bindEnvironment, openConfiguredStore, storeArguments, type StoreOptions } from './store-options.js';
import { EXIT, StartupFailure, errorCode } from './exit-codes.js';
import { logDestination } from './log-format.js';
import { openCallWindow } from './call-limits.js';
import { ensureDemoTenant, showDemoTenantIfStartFails } from './demo-tenant.js';
import { loadSeedFile, resetStore, SEED_META_KEY, seedOptions, summaryLine } from './seed-file.js';
import { applySeed } from '../domain/seed/apply-seed.js';
import { withAmbient } from '../contract/ambient.js';
import { ServerClock } from '../contract/clock.js';
import { cryptoRandom, SeededRandom } from '../contract/random-source.js';

/** Where a --deterministic server's clock stands, frozen, at start and after each reset. */
export const DETERMINISTIC_START = new Date('2024-01-01T00:00:00.000Z');

export interface ServeOptions extends StoreOptions {
  port: number;
  host: string;
  environment?: Environment | undefined;
  bodyLimit?: number | undefined;
  logLevel: string;
  /** Lifetime of the access tokens the OAuth server issues, in seconds. */
  accessTokenLifetime?: number | undefined;
  /** Seconds to receive a whole request (headers and body). */
  requestTimeout?: number | undefined;
  /** Seconds a connection with a request open may stay silent. */
  idleTimeout?: number | undefined;
  /** Seconds an idle keep-alive connection is kept open. */
  keepAliveTimeout?: number | undefined;
  /** Open connections at most. */
  maxConnections?: number | undefined;
  /** Base URL of the links the server sends (invitation e-mails), e.g. https://ads.example.com. */
  publicUrl?: string | undefined;
  /** Honour X-Forwarded-* (only behind a proxy that sets them). */
  trustProxy?: boolean | undefined;
  /** Bearer token of the /_adcenter API (required when set; turns it on in production). */
  adminToken?: string | undefined;
  /** Calls the request log keeps (0 = off). */
  requestLogSize?: number | undefined;
  /** `<calls>/<seconds>` per user; off when absent. */
  rateLimit?: string | undefined;
  /** Redis URL sharing the call-rate window between instances. */
  redis?: string | undefined;
  /** false with --no-signin-limit: no web sign-in lockout (tests). */
  signinLimit?: boolean | undefined;
  /** A seed file (JSON or YAML) applied at start instead of the demo tenant, and restored by a reset. */
  seed?: string | undefined;
  /** Numbers, ids, TrackingIds and secrets from a seeded generator; the clock frozen at DETERMINISTIC_START. */
  deterministic?: boolean | undefined;
  /** The generator's seed (implies deterministic); default 0. */
  randomSeed?: string | undefined;
}

/** An http(s) URL without a trailing slash, or an error naming the option. */
export function normalizePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try { url = new URL(value); } catch { throw new StartupFailure(EXIT.usage, `--public-url ${value} is not a URL.`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StartupFailure(EXIT.usage, '--public-url must be an http or https URL.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function serve(options: ServeOptions): Promise<void> {
  const publicUrl = normalizePublicUrl(options.publicUrl);
  const seed = options.seed === undefined ? null : await loadSeedFile(options.seed);
  const store = await openConfiguredStore(options);
  const environment = await bindEnvironment(store, options.environment);
  const deterministic = options.deterministic === true || options.randomSeed !== undefined;
  if (deterministic && environment === 'production') throw new Error('--deterministic and --random-seed are for the sandbox only: they make secrets predictable.');
  const random = deterministic ? new SeededRandom(options.randomSeed ?? '0') : cryptoRandom;
  const clock = new ServerClock();
  const startClock = (): void => {
    clock.reset();
    if (deterministic) clock.freezeAt(DETERMINISTIC_START);
  };
  startClock();
  // What a reset returns to: this file, or (none) the demo tenant.
  await store.setMeta(SEED_META_KEY, seed === null ? '' : JSON.stringify(seed));
  const created = await withAmbient({ clock, random }, async () => (seed === null
    ? ensureDemoTenant(store, environment)
    : [summaryLine(await applySeed(store, seed, seedOptions(environment)))]));
  const reset = async (): Promise<string[]> => {
    startClock();
    if (random instanceof SeededRandom) random.restart();
    const lines = await resetStore(store, environment, seed);
    process.stdout.write(`Store reset.\n${lines.map((l) => `${l}\n`).join('')}`);
    return lines;
  };
  const shown = showDemoTenantIfStartFails(created);
  const logger = pino({
    level: options.logLevel,
    // Credentials never reach the log, whatever a future serializer includes.
    redact: ['req.headers.authorization', 'req.headers.developertoken', 'req.headers.password', 'req.headers.cookie'],
    // …and URLs are logged without the values of secret query parameters (invitation tokens).
    serializers: { req: serializeRequest },
  }, logDestination());
  const callWindow = await openCallWindow(store, options, (err) => logger.warn({ err: err.message }, 'Redis call-rate window unavailable; call let through'));
  const app = await buildServer({ store, environment, clock, random, reset, adminToken: options.adminToken || undefined, requestLogSize: options.requestLogSize, callWindow, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, accessTokenLifetimeSeconds: options.accessTokenLifetime ?? DEFAULT_ACCESS_TOKEN_SECONDS, publicUrl, trustProxy: options.trustProxy ?? false, logger, noSignInLimit: options.signinLimit === false,
    connectionLimits: {
      requestTimeoutMs: milliseconds(options.requestTimeout),
      idleTimeoutMs: milliseconds(options.idleTimeout),
      keepAliveTimeoutMs: milliseconds(options.keepAliveTimeout),
      maxConnections: options.maxConnections,
    },
  });
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (err) {
    await app.close().catch(() => {});
    await store.close();
    throw listenFailure(err, options);
  }
  const lines = [
    `adcenter (${environment}, ${store.backend}) listening on ${address}`,
    `  SOAP  ${address}/Api/CustomerManagement/v13/CustomerManagementService.svc   (WSDL: ?wsdl)`,
    `  REST  ${address}/CustomerManagement/v13/...`,
    `  OAuth ${address}/common/oauth2/v2.0/authorize   (token: /common/oauth2/v2.0/token)`,
    ...(created ?? []),
    `An access token for the demo Super Admin:  ${tokenCommand(options)}`,
  ];
  // The banner is for the person starting the server: stderr, so that stdout carries only log lines.
  process.stderr.write(`${lines.join('\n')}\n`);
  shown();
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Why the server cannot listen, in one line with its exit code. */
function listenFailure(err: unknown, options: ServeOptions): unknown {
  const at = `${options.host}:${options.port}`;
  switch (errorCode(err)) {
    case 'EADDRINUSE': return new StartupFailure(EXIT.listen, `Port ${options.port} is in use on ${options.host}; stop what uses it or choose another with --port (0 = any free port).`, { cause: err });
    case 'EACCES': return new StartupFailure(EXIT.listen, `Not allowed to listen on ${at} (ports below 1024 need privileges); choose another --port.`, { cause: err });
    case 'EADDRNOTAVAIL': case 'ENOTFOUND': case 'EAI_AGAIN':
      return new StartupFailure(EXIT.listen, `Cannot listen on ${at}: ${options.host} is not an address of this machine; check --host.`, { cause: err });
    default: return err;
  }
}

/** The exact `adcenter token` command for the store this server serves. */
export function tokenCommand(options: StoreOptions): string {
  const command = ['npx', 'adcenter', 'token', ...storeArguments(options).map(shellWord)].join(' ');
  // The database password is not printed: PGPASSWORD (or ~/.pgpass) supplies it to that command.
  return options.databaseUrl && new URL(options.databaseUrl).password ? `${command}   (password: set PGPASSWORD)` : command;
}

/** A word as a POSIX shell reads it back: plain when safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

function milliseconds(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

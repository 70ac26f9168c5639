import pino from 'pino';
import { DEFAULT_ACCESS_TOKEN_SECONDS } from '../auth/scopes.js';
import { buildServer, DEFAULT_BODY_LIMIT } from './server.js';
import { serializeRequest } from '../http/log-serializers.js';
import type { Environment } from '../contract/environment.js';
import { bindEnvironment, openConfiguredStore, type StoreOptions } from './store-options.js';
import { ensureDemoTenant } from './demo-tenant.js';

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
}

/** An http(s) URL without a trailing slash, or an error naming the option. */
export function normalizePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try { url = new URL(value); } catch { throw new Error(`--public-url ${value} is not a URL.`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--public-url must be an http or https URL.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function serve(options: ServeOptions): Promise<void> {
  const publicUrl = normalizePublicUrl(options.publicUrl);
  const store = await openConfiguredStore(options);
  const environment = await bindEnvironment(store, options.environment);
  const created = await ensureDemoTenant(store, environment);
  const logger = pino({
    level: options.logLevel,
    // Credentials never reach the log, whatever a future serializer includes.
    redact: ['req.headers.authorization', 'req.headers.developertoken', 'req.headers.password', 'req.headers.cookie'],
    // …and URLs are logged without the values of secret query parameters (invitation tokens).
    serializers: { req: serializeRequest },
  // Asynchronous: under load the lines written while one write is in flight go out together in
  // the next (one syscall for many requests); pino flushes what is left when the process exits.
  }, pino.destination({ dest: 1, sync: false }));
  const app = await buildServer({ store, environment, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, accessTokenLifetimeSeconds: options.accessTokenLifetime ?? DEFAULT_ACCESS_TOKEN_SECONDS, publicUrl, trustProxy: options.trustProxy ?? false, logger,
    connectionLimits: {
      requestTimeoutMs: milliseconds(options.requestTimeout),
      idleTimeoutMs: milliseconds(options.idleTimeout),
      keepAliveTimeoutMs: milliseconds(options.keepAliveTimeout),
      maxConnections: options.maxConnections,
    },
  });
  const address = await app.listen({ port: options.port, host: options.host });
  const lines = [
    `adcenter (${environment}, ${store.backend}) listening on ${address}`,
    `  SOAP  ${address}/Api/CustomerManagement/v13/CustomerManagementService.svc   (WSDL: ?wsdl)`,
    `  REST  ${address}/CustomerManagement/v13/...`,
    `  OAuth ${address}/common/oauth2/v2.0/authorize   (token: /common/oauth2/v2.0/token)`,
    ...(created ?? []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function milliseconds(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

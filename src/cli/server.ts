// The composition root of the HTTP server: one fastify instance carrying the API faces (SOAP,
// REST, the OAuth token endpoint; http/) and the web application (pages, sign-in, consent; web/),
// each registered as its own plugin, plus the landing and health endpoints. http and web do not
// know each other; only this file sees both.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Environment } from '../contract/environment.js';
import type { Store } from '../store/store.js';
import { answerClientError, rememberRequestPath } from '../http/client-errors.js';
import { DEFAULT_CONNECTION_LIMITS, limitedServerFactory, type ConnectionLimits } from '../http/connection-limits.js';
import { noOperation } from '../http/no-operation.js';
import { oauthToken } from '../http/oauth-token.js';
import { jsonFaultHandler, OPENAPI_PATH, REST_PREFIX, restFace } from '../http/rest-face.js';
import { SOAP_PATH, soapFace } from '../http/soap-face.js';
import { wantsHtml, webApplication } from '../web/application.js';
import { DEFAULT_REQUEST_LOG_SIZE, RequestLog } from '../codec/request-log/request-log.js';
import { ADMIN_PREFIX, adminApi, type AdminRoutes } from '../http/admin/admin-api.js';
import { adminMode } from '../http/admin/admin-gate.js';
import { inspectRoutes } from '../http/admin/inspect-routes.js';
import type { CallWindow } from '../http/inspect/call-window.js';
import { FaultRules } from '../http/inspect/fault-rules.js';
import { stateRoutes } from '../http/admin/state-routes.js';
import { withAmbient } from '../contract/ambient.js';
import { ServerClock } from '../contract/clock.js';
import { cryptoRandom, type RandomSource } from '../contract/random-source.js';
import { random } from '../contract/ambient.js';
import { CredentialCache } from '../auth/credential-cache.js';
import { logRequest } from '../http/request-log.js';

export interface ServerOptions {
  store: Store;
  environment: Environment;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Lifetime of access tokens issued by the OAuth server, in seconds (default one hour). */
  accessTokenLifetimeSeconds?: number;
  /** Public base URL for links the server sends (invitation e-mails); default: each request's origin. */
  publicUrl?: string | undefined;
  /** Believe X-Forwarded-Proto/-For/-Host (behind a TLS-terminating proxy); default false. */
  trustProxy?: boolean;
  /** Request, idle and keep-alive timeouts and the connection cap (default DEFAULT_CONNECTION_LIMITS). */
  connectionLimits?: Partial<ConnectionLimits>;
  /** --admin-token: the /_adcenter API then requires it (and is on in production). */
  adminToken?: string | undefined;
  /** Calls the request log keeps (default 1,000; 0 = off). */
  requestLogSize?: number | undefined;
  /** The per-user call-rate window (--rate-limit, --redis); none = no limit. Closed with the server. */
  callWindow?: CallWindow | undefined;
  /** More /_adcenter routes (registered behind the same gate). */
  adminRoutes?: readonly AdminRoutes[];
  /** Switch the web sign-in lockout off (`serve --no-signin-limit`, for tests). */
  noSignInLimit?: boolean;
  /** A pino logger; none means no logging (tests). */
  logger?: FastifyBaseLogger;
  /** This server's clock (default: the machine's time, movable by POST /_adcenter/clock). */
  clock?: ServerClock;
  /** This server's random source (default: the CSPRNG; --deterministic: a seeded generator). */
  random?: RandomSource;
  /** What POST /_adcenter/reset does (default: empty the store). */
  reset?: () => Promise<string[]>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // Every request (and all it awaits) runs with this server's clock and random source.
  const clock = options.clock ?? new ServerClock();
  const ambient = { clock, random: options.random ?? cryptoRandom };
  const serverFactory = limitedServerFactory({ ...DEFAULT_CONNECTION_LIMITS, ...definedOnly(options.connectionLimits) });
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // The request id (reqId in the log) is the TrackingId returned to the client, so logs can be searched by it.
    genReqId: () => random().uuid(),
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    routerOptions: { caseSensitive: false },
    return503OnClosing: true,
    // Only then does req.protocol (Secure cookies), req.ip (sign-in throttling) and req.host follow X-Forwarded-*.
    trustProxy: options.trustProxy ?? false,
    serverFactory: (handler) => serverFactory((req, res) => withAmbient(ambient, () => handler(req, res))),
    // A request node's parser refuses, or one that took too long, still gets the face's fault.
    clientErrorHandler: answerClientError,
    // One log line per request (onResponse below) instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (options.logger) app.addHook('onResponse', logRequest);
  app.addHook('onRequest', rememberRequestPath);
  // Bodies are read as text and decoded by the SOAP or JSON codec (or as a form), whatever the Content-Type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Outside the faces (web pages, the token endpoint, the landing page) an error fastify raises
  // before a handler runs gets the REST face's JSON fault, and an unknown path the plain 404.
  app.setErrorHandler(jsonFaultHandler);
  app.setNotFoundHandler(noOperation);

  const requestLog = new RequestLog(options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  const faults = new FaultRules();
  const callWindow = options.callWindow;
  if (callWindow) app.addHook('onClose', async () => callWindow.close());
  const runtime = {
    store: options.store, environment: options.environment, publicUrl: options.publicUrl,
    guards: { faults, callWindow }, requestLog,
    credentials: new CredentialCache(options.store),
  };
  await app.register(soapFace, runtime);
  await app.register(restFace, runtime);
  await app.register(oauthToken, { store: options.store, environment: options.environment, accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds });
  await app.register(adminApi, {
    prefix: ADMIN_PREFIX, environment: options.environment, adminToken: options.adminToken,
    routes: [
      inspectRoutes({ requestLog, faults }),
      stateRoutes({ clock, reset: options.reset ?? (async () => { await options.store.wipe(); return []; }) }),
      ...(options.adminRoutes ?? []),
    ],
  });
  await app.register(webApplication, {
    store: options.store, environment: options.environment, publicUrl: options.publicUrl,
    requestLog, requestLogOpen: adminMode(options.environment, options.adminToken) === 'open',
    noSignInLimit: options.noSignInLimit ?? false,
  });

  // A browser asking for the landing page gets the web application; API clients keep the JSON.
  app.get('/', async (req, reply) => (wantsHtml(req.headers.accept) ? reply.redirect('/accounts') : {
    service: 'adcenter — Microsoft Advertising API v13 Customer Management',
    environment: options.environment,
    endpoints: {
      soap: SOAP_PATH,
      wsdl: `${SOAP_PATH}?wsdl`,
      rest: `${REST_PREFIX}/`,
      openapi: OPENAPI_PATH,
      health: '/health',
    },
  }));
  app.get('/health', async (req, reply) => {
    const problem = await storeProblem(options.store);
    if (problem === null) return { status: 'ok', store: 'ok' };
    // Load balancers and orchestrators take this instance out of rotation; the reason stays in the log.
    req.log.warn({ err: problem }, 'health: the store does not answer');
    return reply.code(503).send({ status: 'unavailable', store: 'unreachable' });
  });
  return app;
}

/** Milliseconds /health waits for the store before calling it unreachable (a probe must not hang). */
const HEALTH_TIMEOUT_MS = 3000;

/** Why the store does not answer a cheap query in time, or null when it does. */
async function storeProblem(store: Store): Promise<Error | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([store.ping(), timeout]);
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}

/** The options that were given: an undefined one keeps its default. */
function definedOnly<T extends object>(values: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

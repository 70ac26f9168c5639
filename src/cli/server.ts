// The composition root of the HTTP server: one fastify instance carrying the API faces (SOAP,
// REST, the OAuth token endpoint; http/) and the web application (pages, sign-in, consent; web/),
// each registered as its own plugin, plus the landing and health endpoints. http and web do not
// know each other; only this file sees both.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Environment } from '../contract/environment.js';
import type { Store } from '../store/store.js';
import { answerClientError, rememberRequestPath } from '../http/client-errors.js';
import { DEFAULT_CONNECTION_LIMITS, limitedServerFactory, type ConnectionLimits } from '../http/connection-limits.js';
import { noOperation } from '../http/no-operation.js';
import { oauthToken } from '../http/oauth-token.js';
import { jsonFaultHandler, OPENAPI_PATH, REST_PREFIX, restFace } from '../http/rest-face.js';
import { SOAP_PATH, soapFace } from '../http/soap-face.js';
import { wantsHtml, webApplication } from '../web/application.js';
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
  /** A pino logger; none means no logging (tests). */
  logger?: FastifyBaseLogger;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // The request id (reqId in the log) is the TrackingId returned to the client, so logs can be searched by it.
    genReqId: () => randomUUID(),
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    routerOptions: { caseSensitive: false },
    return503OnClosing: true,
    // Only then does req.protocol (Secure cookies), req.ip (sign-in throttling) and req.host follow X-Forwarded-*.
    trustProxy: options.trustProxy ?? false,
    serverFactory: limitedServerFactory({ ...DEFAULT_CONNECTION_LIMITS, ...definedOnly(options.connectionLimits) }),
    // A request node's parser refuses, or one that took too long, still gets the face's fault.
    clientErrorHandler: answerClientError,
    // One log line per request (onResponse below) instead of fastify's two.
    disableRequestLogging: true,
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

  const runtime = {
    store: options.store, environment: options.environment, publicUrl: options.publicUrl,
    credentials: new CredentialCache(options.store),
  };
  await app.register(soapFace, runtime);
  await app.register(restFace, runtime);
  await app.register(oauthToken, { store: options.store, environment: options.environment, accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds });
  await app.register(webApplication, { store: options.store, environment: options.environment, publicUrl: options.publicUrl });

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
  app.get('/health', async () => ({ status: 'ok' }));
  return app;
}

/** The options that were given: an undefined one keeps its default. */
function definedOnly<T extends object>(values: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

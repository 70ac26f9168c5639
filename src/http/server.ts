// The HTTP server: one fastify instance carrying the SOAP endpoint, the REST routes, the WSDL,
// the OpenAPI document and the landing/health endpoints.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Environment } from '../domain/context.js';
import type { Store } from '../store/store.js';
import { ApiError } from '../domain/api-error.js';
import { writeFault } from '../codec/soap-writer.js';
import { jsonFault } from './errors.js';
import { Sessions } from '../web/session.js';
import { registerWeb, wantsHtml } from '../web/routes.js';
import { registerOAuth } from './oauth-routes.js';
import { registerRest, OPENAPI_PATH } from './rest-routes.js';
import { registerSoap, SOAP_PATH } from './soap-endpoint.js';

export interface ServerOptions {
  store: Store;
  environment: Environment;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Lifetime of access tokens issued by the OAuth server, in seconds (default one hour). */
  accessTokenLifetimeSeconds?: number;
  /** Public base URL for links the server sends (invitation e-mails); default: each request's origin. */
  publicUrl?: string | undefined;
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
  });
  // Bodies are read as text and decoded by the SOAP or JSON codec, whatever the Content-Type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const runtime = { store: options.store, environment: options.environment, publicUrl: options.publicUrl };
  registerSoap(app, runtime);
  registerRest(app, runtime);
  // The web application and the OAuth authorization server share the signed session cookie.
  const sessions = await Sessions.forStore(options.store);
  void sessions; // web pages and OAuth routes register here
  registerWeb(app, { store: options.store, environment: options.environment, sessions });
  registerOAuth(app, { store: options.store, environment: options.environment, sessions, accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds });

  // A browser asking for the landing page gets the web application; API clients keep the JSON.
  app.get('/', async (req, reply) => (wantsHtml(req.headers.accept) ? reply.redirect('/accounts') : {
    service: 'adcenter — Microsoft Advertising API v13 Customer Management',
    environment: options.environment,
    endpoints: {
      soap: SOAP_PATH,
      wsdl: `${SOAP_PATH}?wsdl`,
      rest: '/CustomerManagement/v13/',
      openapi: OPENAPI_PATH,
      health: '/health',
    },
  }));
  app.get('/health', async () => ({ status: 'ok' }));

  // Errors raised before a handler ran (body too large, unreadable body) get the service's fault shape.
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    if (!tooLarge && (err.statusCode ?? 500) >= 500) req.log.error({ err }, 'request failed');
    const error = new ApiError(tooLarge || (err.statusCode ?? 500) < 500 ? 'NullRequest' : 'InternalError',
      tooLarge ? 'The request body is larger than this server accepts.' : undefined);
    const status = tooLarge ? 413 : (err.statusCode ?? 500) < 500 ? 400 : 500;
    reply.header('TrackingId', req.id);
    if (req.url.toLowerCase().startsWith(SOAP_PATH.toLowerCase())) {
      return reply.code(status).type('text/xml; charset=utf-8').send(writeFault(error, req.id));
    }
    return reply.code(status).send(jsonFault(error, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.header('TrackingId', req.id).code(404).send({ Message: `No operation at ${req.method} ${req.url.split('?')[0]}.` });
  });
  return app;
}

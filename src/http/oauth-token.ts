// The OAuth 2.0 token endpoint on the identity platform's path:
//   POST /{tenant}/oauth2/v2.0/token   authorization_code and refresh_token grants
// The protocol decisions live in auth/oauth; this file only maps them to HTTP. Tokens travel in
// response bodies only — never in log lines. (The browser half, /authorize, is a web page.)
import type { FastifyInstance } from 'fastify';
import type { Environment } from '../contract/environment.js';
import type { Store } from '../store/store.js';
import { OAuthError, oauthErrors } from '../auth/oauth/errors.js';
import { handleTokenRequest, type BasicCredentials } from '../auth/oauth/token-endpoint.js';
import { DEFAULT_ACCESS_TOKEN_SECONDS } from '../auth/scopes.js';
import { oauthErrorBody } from './oauth-error-body.js';
import { currentTime } from '../contract/ambient.js';

export interface OAuthTokenOptions {
  store: Store;
  environment: Environment;
  accessTokenLifetimeSeconds?: number | undefined;
}

const TOKEN_PATH = '/:tenant/oauth2/v2.0/token';

function parseBasic(header: string | undefined): BasicCredentials | null | 'malformed' {
  if (header === undefined || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
    const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

/** Register with `app.register(oauthToken, options)`. */
export async function oauthToken(app: FastifyInstance, options: OAuthTokenOptions): Promise<void> {
  const lifetime = options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;

  app.post(TOKEN_PATH, async (req, reply) => {
    // RFC 6749 §5.1: token responses must not be cached.
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    const basic = parseBasic(req.headers.authorization);
    const tenant = (req.params as { tenant: string }).tenant;
    try {
      if (basic === 'malformed') throw oauthErrors.malformed('The Authorization header is not valid Basic client authentication.');
      const body = await handleTokenRequest(
        { store: options.store, environment: options.environment, accessTokenLifetimeSeconds: lifetime, now: currentTime() },
        tenant, new URLSearchParams(typeof req.body === 'string' ? req.body : ''), basic,
      );
      return reply.code(200).type('application/json; charset=utf-8').send(body);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      // The error name and code only: the request's code or token is never logged.
      req.log.info({ oauthError: err.error, code: err.code }, 'token request refused');
      if (err.status === 401 && basic !== null) reply.header('WWW-Authenticate', 'Basic realm="adcenter"');
      const clientRequestId = req.headers['client-request-id'];
      return reply.code(err.status).type('application/json; charset=utf-8')
        .send(oauthErrorBody(err, req.id, typeof clientRequestId === 'string' ? clientRequestId : undefined));
    }
  });
}

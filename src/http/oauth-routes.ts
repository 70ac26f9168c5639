// The OAuth 2.0 authorization server on the identity platform's paths:
//   GET  /{tenant}/oauth2/v2.0/authorize   validate, then sign-in redirect or consent page
//   POST /{tenant}/oauth2/v2.0/authorize   the consent form (same origin + session CSRF)
//   POST /{tenant}/oauth2/v2.0/token       authorization_code and refresh_token grants
// The protocol decisions live in auth/oauth; this file only maps them to HTTP. Codes and tokens
// travel in Location headers and response bodies only — never in log lines.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../domain/context.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { approve, checkAuthorizeRequest, consentFields, refuse, type AuthorizeRequest } from '../auth/oauth/authorize.js';
import { OAuthError, oauthErrors } from '../auth/oauth/errors.js';
import { describeScope, reachesApi } from '../auth/oauth/scopes.js';
import { handleTokenRequest, type BasicCredentials } from '../auth/oauth/token-endpoint.js';
import { DEFAULT_ACCESS_TOKEN_SECONDS } from '../auth/scopes.js';
import { hasValidCsrf, isSameOrigin, readForm } from '../web/forms.js';
import { sendAuthorizeError, sendConsentPage, sendConsentRefused, type Viewer } from '../web/pages/consent.js';
import type { Session, Sessions } from '../web/session.js';
import { oauthErrorBody } from './oauth-error-body.js';

export interface OAuthOptions {
  store: Store;
  environment: Environment;
  sessions: Sessions;
  accessTokenLifetimeSeconds?: number | undefined;
}

const AUTHORIZE_PATH = '/:tenant/oauth2/v2.0/authorize';
const TOKEN_PATH = '/:tenant/oauth2/v2.0/token';

function tenantOf(req: FastifyRequest): string {
  return (req.params as { tenant: string }).tenant;
}

function queryOf(req: FastifyRequest): URLSearchParams {
  const q = req.url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
}

/** The signed-in, still active user, if any. */
async function signedIn(options: OAuthOptions, req: FastifyRequest): Promise<{ user: UserRecord; session: Session } | null> {
  const session = options.sessions.read(req);
  if (!session) return null;
  const user = await options.store.getUser(session.userId);
  return user && user.lifeCycleStatus === 'Active' ? { user, session } : null;
}

/** The sign-in page, returning here afterwards — without prompt=login, or it would ask again forever. */
function signInLocation(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  const params = queryOf(req);
  params.delete('prompt');
  const query = params.toString();
  const path = q < 0 ? req.url : req.url.slice(0, q);
  return `/signin?return=${encodeURIComponent(query === '' ? path : `${path}?${query}`)}`;
}

function found(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(302).header('Cache-Control', 'no-store').header('Location', location).send();
}

function consent(reply: FastifyReply, options: OAuthOptions, request: AuthorizeRequest, user: UserRecord, session: Session): FastifyReply {
  return sendConsentPage(reply, {
    appName: request.client.name, clientId: request.client.clientId, userName: user.userName, csrf: session.csrf,
    action: `/${request.tenant}/oauth2/v2.0/authorize`, redirectUri: request.redirectUri,
    scopes: request.scopes.map((scope) => ({ scope, description: describeScope(scope) })),
    reachesApi: reachesApi(request.scopes, options.environment), environment: options.environment,
    fields: consentFields(request),
  });
}

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

export function registerOAuth(app: FastifyInstance, options: OAuthOptions): void {
  const lifetime = options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;

  app.get(AUTHORIZE_PATH, async (req, reply) => {
    const check = await checkAuthorizeRequest(options.store, tenantOf(req), queryOf(req));
    const viewer = await signedIn(options, req);
    if (check.kind === 'page') return sendAuthorizeError(reply, 400, check.error.code, check.error.description, viewerOf(viewer));
    if (check.kind === 'redirect') return found(reply, check.location);
    const { request } = check;
    if (request.prompt === 'none') {
      // No consent is remembered between requests, so a silent request can never complete.
      return found(reply, refuse(request, viewer ? oauthErrors.consentRequired(request.client.clientId) : oauthErrors.loginRequired()));
    }
    if (!viewer || request.prompt === 'login' || request.prompt === 'select_account') return found(reply, signInLocation(req));
    return consent(reply, options, request, viewer.user, viewer.session);
  });

  app.post(AUTHORIZE_PATH, async (req, reply) => {
    const form = readForm(req);
    const viewer = await signedIn(options, req);
    if (!viewer || !isSameOrigin(req) || !hasValidCsrf(form, viewer.session)) return sendConsentRefused(reply, viewerOf(viewer));
    const check = await checkAuthorizeRequest(options.store, tenantOf(req), form);
    if (check.kind === 'page') return sendAuthorizeError(reply, 400, check.error.code, check.error.description, viewerOf(viewer));
    if (check.kind === 'redirect') return found(reply, check.location);
    if (form.get('decision') !== 'accept') return found(reply, refuse(check.request, oauthErrors.declined()));
    return found(reply, await approve(options.store, check.request, viewer.user.id));
  });

  app.post(TOKEN_PATH, async (req, reply) => {
    // RFC 6749 §5.1: token responses must not be cached.
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    const basic = parseBasic(req.headers.authorization);
    try {
      if (basic === 'malformed') throw oauthErrors.malformed('The Authorization header is not valid Basic client authentication.');
      const body = await handleTokenRequest(
        { store: options.store, environment: options.environment, accessTokenLifetimeSeconds: lifetime, now: new Date() },
        tenantOf(req), readForm(req), basic,
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

function viewerOf(signed: { user: { userName: string }; session: { csrf: string } } | null | undefined): Viewer | undefined {
  return signed ? { userName: signed.user.userName, csrf: signed.session.csrf } : undefined;
}

// The browser half of the OAuth 2.0 authorization server, on the identity platform's path:
//   GET  /{tenant}/oauth2/v2.0/authorize   validate, then sign-in redirect or consent page
//   POST /{tenant}/oauth2/v2.0/authorize   the consent form (same origin + session CSRF)
// The protocol decisions live in auth/oauth; this file only maps them to pages and redirects.
// Codes travel in Location headers only — never in log lines. (The token endpoint is http/oauth-token.ts.)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRecord } from '../../store/records.js';
import { approve, checkAuthorizeRequest, consentFields, refuse, type AuthorizeRequest } from '../../auth/oauth/authorize.js';
import { oauthErrors } from '../../auth/oauth/errors.js';
import { describeScope, reachesApi } from '../../auth/oauth/scopes.js';
import type { WebDeps } from '../deps.js';
import { hasValidCsrf, isSameOrigin, readForm } from '../forms.js';
import type { Session } from '../session.js';
import type { Viewer as SignedIn } from '../viewer.js';
import { sendAuthorizeError, sendConsentPage, sendConsentRefused, type Viewer } from './consent.js';

const AUTHORIZE_PATH = '/:tenant/oauth2/v2.0/authorize';

function tenantOf(req: FastifyRequest): string {
  return (req.params as { tenant: string }).tenant;
}

function queryOf(req: FastifyRequest): URLSearchParams {
  const q = req.url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
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

function consent(reply: FastifyReply, deps: WebDeps, request: AuthorizeRequest, user: UserRecord, session: Session): FastifyReply {
  return sendConsentPage(reply, {
    appName: request.client.name, clientId: request.client.clientId, userName: user.userName, csrf: session.csrf,
    action: `/${request.tenant}/oauth2/v2.0/authorize`, redirectUri: request.redirectUri,
    scopes: request.scopes.map((scope) => ({ scope, description: describeScope(scope) })),
    reachesApi: reachesApi(request.scopes, deps.environment), environment: deps.environment,
    fields: consentFields(request),
  });
}

export function registerAuthorize(app: FastifyInstance, deps: WebDeps): void {
  app.get(AUTHORIZE_PATH, async (req, reply) => {
    const check = await checkAuthorizeRequest(deps.store, tenantOf(req), queryOf(req));
    const viewer = req.viewer;
    if (check.kind === 'page') return sendAuthorizeError(reply, 400, check.error.code, check.error.description, viewerOf(viewer));
    if (check.kind === 'redirect') return found(reply, check.location);
    const { request } = check;
    if (request.prompt === 'none') {
      // No consent is remembered between requests, so a silent request can never complete.
      return found(reply, refuse(request, viewer ? oauthErrors.consentRequired(request.client.clientId) : oauthErrors.loginRequired()));
    }
    if (!viewer || request.prompt === 'login' || request.prompt === 'select_account') return found(reply, signInLocation(req));
    return consent(reply, deps, request, viewer.user, viewer.session);
  });

  app.post(AUTHORIZE_PATH, async (req, reply) => {
    const form = readForm(req);
    const viewer = req.viewer;
    if (!viewer || !isSameOrigin(req) || !hasValidCsrf(form, viewer.session)) return sendConsentRefused(reply, viewerOf(viewer));
    const check = await checkAuthorizeRequest(deps.store, tenantOf(req), form);
    if (check.kind === 'page') return sendAuthorizeError(reply, 400, check.error.code, check.error.description, viewerOf(viewer));
    if (check.kind === 'redirect') return found(reply, check.location);
    if (form.get('decision') !== 'accept') return found(reply, refuse(check.request, oauthErrors.declined()));
    return found(reply, await approve(deps.store, check.request, viewer.user.id));
  });
}

function viewerOf(signed: SignedIn | null): Viewer | undefined {
  return signed ? { userName: signed.user.userName, csrf: signed.session.csrf } : undefined;
}

// The web application: server-rendered pages over the same domain functions as the API, and the
// browser half of the OAuth authorization server (sign-in, consent). One fastify plugin with its
// own context: the signed-in user is loaded once per request for its routes only (viewer.ts).
import type { FastifyInstance } from 'fastify';
import type { Environment } from '../contract/environment.js';
import type { Store } from '../store/store.js';
import type { RequestLog } from '../codec/request-log/request-log.js';
import type { WebDeps } from './deps.js';
import { registerAccounts } from './pages/accounts.js';
import { registerApplications } from './pages/applications.js';
import { registerAuthorize } from './pages/authorize.js';
import { registerDeveloper } from './pages/developer.js';
import { registerInvitation } from './pages/invitation.js';
import { registerPasswordReset } from './pages/password-reset.js';
import { registerSignIn } from './pages/signin.js';
import { registerSignUp } from './pages/signup.js';
import { registerRequests } from './pages/requests.js';
import { SignInLimiter } from './rate-limit.js';
import { CookieSecurity } from './cookie-security.js';
import { Sessions } from './session.js';
import { loadViewerPerRequest } from './viewer.js';

export interface WebOptions {
  store: Store;
  environment: Environment;
  /** The configured public base URL (--public-url): when https, every cookie is Secure. */
  publicUrl?: string | undefined;
  /** Signed session cookies; by default keyed with the store's signing key. */
  sessions?: Sessions;
  /** Sign-in throttling; one per server instance (in memory) unless given. */
  limiter?: SignInLimiter;
  /** The request log page (/requests); see pages/requests.ts for who sees what. */
  requestLog?: RequestLog | undefined;
  requestLogOpen?: boolean | undefined;
  /** No sign-in throttling at all (`serve --no-signin-limit`, for tests). */
  noSignInLimit?: boolean | undefined;
}

/** Register with `app.register(webApplication, options)`. */
export async function webApplication(app: FastifyInstance, options: WebOptions): Promise<void> {
  const cookieSecurity = new CookieSecurity(options.publicUrl);
  const sessions = options.sessions ?? await Sessions.forStore(options.store, { security: cookieSecurity });
  const deps: WebDeps = {
    store: options.store, environment: options.environment, sessions, cookieSecurity, limiter: options.limiter ?? (options.noSignInLimit ? SignInLimiter.unlimited() : new SignInLimiter()),
    requestLog: options.requestLog, requestLogOpen: options.requestLogOpen,
    publicUrl: options.publicUrl,
  };
  loadViewerPerRequest(app, deps.store, deps.sessions);
  registerSignIn(app, deps);
  registerSignUp(app, deps);
  registerPasswordReset(app, deps);
  registerAccounts(app, deps);
  registerDeveloper(app, deps);
  registerApplications(app, deps);
  registerInvitation(app, deps);
  registerAuthorize(app, deps);
  registerRequests(app, deps);
}

/** Whether a request to `/` comes from a browser (which lists text/html) rather than an API client. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}

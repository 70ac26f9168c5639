// The web application: server-rendered pages over the same domain functions as the API.
// Registered by http/server.ts with the Sessions it shares with the OAuth authorization server.
import type { FastifyInstance } from 'fastify';
import type { Environment } from '../domain/context.js';
import type { Store } from '../store/store.js';
import type { WebDeps } from './deps.js';
import { registerAccounts } from './pages/accounts.js';
import { registerApplications } from './pages/applications.js';
import { registerDeveloper } from './pages/developer.js';
import { registerInvitation } from './pages/invitation.js';
import { registerSignIn } from './pages/signin.js';
import { registerSignUp } from './pages/signup.js';
import { SignInLimiter } from './rate-limit.js';
import type { Sessions } from './session.js';

export interface WebOptions {
  store: Store;
  environment: Environment;
  sessions: Sessions;
  /** Sign-in throttling; one per server instance (in memory) unless given. */
  limiter?: SignInLimiter;
}

export function registerWeb(app: FastifyInstance, options: WebOptions): void {
  const deps: WebDeps = { ...options, limiter: options.limiter ?? new SignInLimiter() };
  registerSignIn(app, deps);
  registerSignUp(app, deps);
  registerAccounts(app, deps);
  registerDeveloper(app, deps);
  registerApplications(app, deps);
  registerInvitation(app, deps);
}

/** Whether a request to `/` comes from a browser (which lists text/html) rather than an API client. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}

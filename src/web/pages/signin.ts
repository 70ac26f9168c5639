// Sign-in and sign-out. One generic message for every failure (the rule is auth/sign-in.ts:
// the same work done in each case) and a limit on failures (rate-limit.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { signInWithPassword } from '../../auth/sign-in.js';
import { EMAIL_MAX } from '../../domain/users/person-rules.js';
import { layoutFor, queryParam, type WebDeps } from '../deps.js';
import type { CookieSecurity } from '../cookie-security.js';
import { formToken, hasValidFormToken } from '../form-token.js';
import { isSameOrigin, hasValidCsrf, readForm } from '../forms.js';
import { html, type PageOptions } from '../html.js';
import { errorList, errorPage, redirect, refusedPost, sendPage } from '../respond.js';
import { DEFAULT_AFTER_SIGN_IN, safeReturn } from '../return-url.js';

export const SIGN_IN_FAILED = 'The user name or password is incorrect.';

export function registerSignIn(app: FastifyInstance, deps: WebDeps): void {
  app.get('/signin', async (req, reply) => {
    const back = safeReturn(queryParam(req, 'return'));
    // Shown even to a signed-in user: the OAuth authorize endpoint sends prompt=login and
    // prompt=select_account here, and those must ask for the password again.
    const viewer = req.viewer;
    return signInForm(req, reply, deps.cookieSecurity, { userName: '', back, errors: [], signedInAs: viewer?.user.userName ?? null }, 200, layoutFor(viewer));
  });

  app.post('/signin', async (req, reply) => {
    const form = readForm(req);
    if (!isSameOrigin(req) || !hasValidFormToken(req, form)) return refusedPost(reply);
    const userName = (form.get('userName') ?? '').trim().slice(0, EMAIL_MAX);
    const password = (form.get('password') ?? '').slice(0, PASSWORD_MAX_LENGTH);
    const back = safeReturn(form.get('return'));
    const wait = deps.limiter.retryAfterSeconds(userName, req.ip);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      return errorPage(reply, 429, 'Too many attempts',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`);
    }
    deps.limiter.recordAttempt(userName, req.ip);
    const user = userName && password ? await signInWithPassword(deps.store, userName, password) : null;
    if (!user) {
      return signInForm(req, reply, deps.cookieSecurity, { userName, back, errors: [SIGN_IN_FAILED], signedInAs: null }, 401);
    }
    deps.limiter.recordSuccess(userName, req.ip);
    // Signing in again replaces the session: the one this browser had ends (no fixation, no leftovers).
    if (req.viewer) await deps.sessions.revoke(req.viewer.session);
    await deps.sessions.issue(req, reply, user.id);
    return redirect(reply, back ?? DEFAULT_AFTER_SIGN_IN);
  });

  app.post('/signout', async (req, reply) => {
    // Any live session of this cookie, even a deactivated user's, so it ends in the store.
    const session = await deps.sessions.read(req);
    if (!isSameOrigin(req) || (session && !hasValidCsrf(readForm(req), session))) return refusedPost(reply);
    await deps.sessions.end(req, reply, session);
    return redirect(reply, '/signin');
  });
}

interface SignInState {
  userName: string;
  back: string | null;
  errors: string[];
  /** The user already signed in, if any: signing in again replaces the session. */
  signedInAs: string | null;
}

function signInForm(
  req: FastifyRequest, reply: FastifyReply, security: CookieSecurity, state: SignInState, status: number, layout: Omit<PageOptions, 'title'> = {},
): FastifyReply {
  const csrf = formToken(req, reply, security);
  return sendPage(reply, status, { ...layout, title: 'Sign in' }, html`${errorList(state.errors)}
${state.signedInAs ? html`<p class="note" id="signed-in-as">You are signed in as ${state.signedInAs}. Sign in again, or as another user.</p>` : ''}
<form method="post" action="/signin">
  <input type="hidden" name="csrf" value="${csrf}">
  ${state.back ? html`<input type="hidden" name="return" value="${state.back}">` : ''}
  <label for="userName">User name (e-mail)</label>
  <input id="userName" name="userName" type="text" autocomplete="username" required value="${state.userName}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div><button type="submit">Sign in</button></div>
</form>
<p class="note"><a href="/forgot-password">Forgot your password?</a></p>
<p class="note">No account yet? <a href="/signup">Sign up</a> to create a customer with its first account.</p>`);
}

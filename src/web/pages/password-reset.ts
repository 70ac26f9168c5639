// "Forgot password": the sign-in page links to a form asking for the user name; a reset link is
// e-mailed (to the outbox — `adcenter outbox`) when the name is an active user's, and the answer is
// the same whether or not it is. The link opens a form for the new password; using it sets the
// password, ends every web session of the user and works once (auth/password-reset.ts).
import { currentTime } from '../../contract/ambient.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { completePasswordReset, isLiveResetToken, requestPasswordReset } from '../../auth/password-reset.js';
import { newPasswordProblem, PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { EMAIL_MAX } from '../../domain/users/person-rules.js';
import { queryParam, type WebDeps } from '../deps.js';
import { textField } from '../fields.js';
import { formToken, hasValidFormToken } from '../form-token.js';
import { isSameOrigin, readForm } from '../forms.js';
import { html } from '../html.js';
import { errorList, errorPage, refusedPost, sendPage } from '../respond.js';

export const RESET_SENT = 'If a user with this name exists, a link to choose a new password was sent to its e-mail address. The link works once, for one hour.';
export const RESET_DONE = 'Your password was changed, and every signed-in session of your user was ended. Sign in with the new password.';
const LINK_DEAD = 'This link is unknown, already used or expired. Ask for a new one.';
/** Tokens are 43 URL-safe characters; anything much longer is not one (and is not hashed). */
const TOKEN_MAX = 128;

export function registerPasswordReset(app: FastifyInstance, deps: WebDeps): void {
  app.get('/forgot-password', async (req, reply) => forgotForm(req, reply, deps, '', [], 200));

  app.post('/forgot-password', async (req, reply) => {
    const form = readForm(req);
    if (!isSameOrigin(req) || !hasValidFormToken(req, form)) return refusedPost(reply);
    const userName = (form.get('userName') ?? '').trim().slice(0, EMAIL_MAX);
    if (!userName) return forgotForm(req, reply, deps, '', ['Enter your user name (e-mail).'], 400);
    await requestPasswordReset(deps.store, userName, deps.publicUrl ?? `${req.protocol}://${req.host}`, currentTime());
    return sendPage(reply, 200, { title: 'Check your e-mail' }, html`<p class="note" id="reset-sent">${RESET_SENT}</p>
<p><a href="/signin">Sign in</a></p>`);
  });

  app.get('/reset-password', async (req, reply) => {
    const token = (queryParam(req, 'token') ?? '').slice(0, TOKEN_MAX);
    if (!token || !(await isLiveResetToken(deps.store, token, currentTime()))) return linkDead(reply);
    return resetForm(req, reply, deps, token, [], 200);
  });

  app.post('/reset-password', async (req, reply) => {
    const form = readForm(req);
    if (!isSameOrigin(req) || !hasValidFormToken(req, form)) return refusedPost(reply);
    const token = (form.get('token') ?? '').slice(0, TOKEN_MAX);
    const password = form.get('password') ?? '';
    const problem = newPasswordProblem(password, form.get('confirm') ?? '');
    if (!token) return linkDead(reply);
    if (problem) return resetForm(req, reply, deps, token, [problem], 400);
    const userId = await completePasswordReset(deps.store, token, password.slice(0, PASSWORD_MAX_LENGTH), currentTime());
    if (userId === null) return linkDead(reply);
    // Whoever was signed in in this browser is signed out too (the store ended the user's sessions).
    return sendPage(reply, 200, { title: 'Password changed' }, html`<p class="note" id="reset-done">${RESET_DONE}</p>
<p><a href="/signin">Sign in</a></p>`);
  });
}

function linkDead(reply: FastifyReply): FastifyReply {
  return errorPage(reply, 410, 'Link not valid', html`${LINK_DEAD} <a href="/forgot-password">Forgot password</a>`);
}

function forgotForm(req: FastifyRequest, reply: FastifyReply, deps: WebDeps, userName: string, errors: string[], status: number): FastifyReply {
  const csrf = formToken(req, reply, deps.cookieSecurity);
  return sendPage(reply, status, { title: 'Forgot password' }, html`${errorList(errors)}
<p class="note">Enter your user name; a link to choose a new password is e-mailed to you.</p>
<form method="post" action="/forgot-password">
  <input type="hidden" name="csrf" value="${csrf}">
  ${textField('userName', 'User name (e-mail)', userName, { required: true, maxLength: EMAIL_MAX, autocomplete: 'username' })}
  <div><button type="submit">Send the link</button></div>
</form>`);
}

function resetForm(req: FastifyRequest, reply: FastifyReply, deps: WebDeps, token: string, errors: string[], status: number): FastifyReply {
  const csrf = formToken(req, reply, deps.cookieSecurity);
  return sendPage(reply, status, { title: 'Choose a new password' }, html`${errorList(errors)}
<form method="post" action="/reset-password">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="token" value="${token}">
  ${textField('password', 'New password (at least 8 characters)', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  ${textField('confirm', 'Confirm the new password', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  <div><button type="submit">Set the password</button></div>
</form>`);
}

// The developer portal: the signed-in user's developer tokens (hint, created, revoked) with a
// revoke button; for a Super Admin, a form to request a token for any user of their customers.
// A new token is shown once, on the result page, and never again (only its hash is stored).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { UNIVERSAL_SANDBOX_DEVELOPER_TOKEN } from '../../auth/scopes.js';
import { ApiError } from '../../contract/api-error.js';
import { Context } from '../../domain/context.js';
import {
  ownDeveloperTokens, requestDeveloperToken, revokeOwnDeveloperToken, tokenRecipients, type TokenRecipients,
} from '../../domain/developer-tokens/developer-tokens.js';
import { isTrustedPost, layoutFor, positiveId, queryParam, toSignIn, type WebDeps } from '../deps.js';
import type { Viewer } from '../viewer.js';
import { readForm } from '../forms.js';
import { html, type Html } from '../html.js';
import { describeApiError, errorPage, redirect, refusedPost, sendPage } from '../respond.js';
import { applicationsSection } from './applications.js';

export function registerDeveloper(app: FastifyInstance, deps: WebDeps): void {
  app.get('/developer', async (req, reply) => {
    const viewer = req.viewer;
    if (!viewer) return toSignIn(req, reply);
    const notice = queryParam(req, 'revoked') === '1' ? 'The developer token was revoked.' : null;
    return portal(deps, reply, viewer, notice);
  });

  app.post('/developer/tokens', async (req, reply) => {
    const viewer = req.viewer;
    const form = readForm(req);
    if (!viewer || !isTrustedPost(req, form, viewer)) return refusedPost(reply);
    const userId = positiveId(form.get('userId'));
    const ctx = new Context(viewer.user, deps.store, deps.environment);
    try {
      if (userId === null) throw new ApiError('UserIsNotAuthorized', 'Choose a user of your customer.');
      const { token, user } = await requestDeveloperToken(ctx, userId);
      return sendPage(reply, 201, { ...layoutFor(viewer), title: 'Developer token issued' }, html`
<p>A developer token for <strong>${user.userName}</strong> (user id ${user.id}):</p>
<p><output class="secret" id="developer-token">${token}</output></p>
<p class="error">Copy it now: it is shown only this once. adcenter keeps only a hash of it.</p>
<p>Send it in the <code>DeveloperToken</code> SOAP header or HTTP header of every API call, together with an OAuth access token of the same user.</p>
<p><a href="/developer">Back to the developer portal</a></p>`);
    } catch (err) {
      if (err instanceof ApiError) return errorPage(reply, 403, 'Not allowed', describeApiError(err).join(' '), layoutFor(viewer));
      throw err;
    }
  });

  app.post('/developer/tokens/revoke', async (req, reply) => {
    const viewer = req.viewer;
    const form = readForm(req);
    if (!viewer || !isTrustedPost(req, form, viewer)) return refusedPost(reply);
    const tokenId = positiveId(form.get('tokenId'));
    const ctx = new Context(viewer.user, deps.store, deps.environment);
    if (tokenId === null || !(await revokeOwnDeveloperToken(ctx, tokenId))) {
      return errorPage(reply, 404, 'Not found', 'You have no such active developer token.', layoutFor(viewer));
    }
    return redirect(reply, '/developer?revoked=1');
  });
}

async function portal(deps: WebDeps, reply: FastifyReply, viewer: Viewer, notice: string | null): Promise<FastifyReply> {
  const ctx = new Context(viewer.user, deps.store, deps.environment);
  const tokens = await ownDeveloperTokens(ctx);
  const recipients = await tokenRecipients(ctx);
  const body = html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${environmentNote(deps)}
<h2>Your developer tokens</h2>
${tokens.length === 0 ? html`<p class="note" id="no-tokens">You have no developer tokens.</p>` : html`
<table id="developer-tokens"><thead><tr><th>Token</th><th>Created</th><th>Status</th><th></th></tr></thead><tbody>
${tokens.map((t) => html`<tr data-token-id="${t.id}"><td>…${t.hint}</td><td>${t.createdTime.toISOString()}</td>
<td>${t.revokedTime ? `Revoked ${t.revokedTime.toISOString()}` : 'Active'}</td>
<td>${t.revokedTime ? '' : html`<form method="post" action="/developer/tokens/revoke"><input type="hidden" name="csrf" value="${viewer.session.csrf}">
<input type="hidden" name="tokenId" value="${t.id}"><button type="submit">Revoke</button></form>`}</td></tr>`)}
</tbody></table>`}
<h2>Request a developer token</h2>
${recipients.length ? requestForm(viewer, recipients) : html`<p class="note" id="super-admin-note">Only a Super Admin of your customer can request a developer token for you. Ask them to request one in this portal.</p>`}
${await applicationsSection(deps, viewer)}`;
  return sendPage(reply, 200, { ...layoutFor(viewer), title: 'Developer portal' }, body);
}

function requestForm(viewer: Viewer, recipients: TokenRecipients[]): Html {
  return html`<p>As a Super Admin you may request API access for any user of your customer.</p>
<form method="post" action="/developer/tokens" id="request-token">
  <input type="hidden" name="csrf" value="${viewer.session.csrf}">
  <label for="userId">User</label>
  <select id="userId" name="userId">${recipients.map((r) => html`<optgroup label="${r.customer.name} (${r.customer.id})">${
    r.users.map((u) => html`<option value="${u.id}"${u.id === viewer.user.id ? html` selected` : ''}>${u.firstName} ${u.lastName} — ${u.userName}</option>`)}</optgroup>`)}</select>
  <div><button type="submit">Request developer token</button></div>
</form>`;
}

function environmentNote(deps: WebDeps): Html {
  return deps.environment === 'sandbox'
    ? html`<p class="note" id="environment">This is the <strong>sandbox</strong>. Besides the tokens below, the universal sandbox developer token
<code>${UNIVERSAL_SANDBOX_DEVELOPER_TOKEN}</code> works for every user here. Sandbox credentials do not work in production.</p>`
    : html`<p class="note" id="environment">This is <strong>production</strong>. Only the developer tokens issued here work; the universal
sandbox token is refused, and sandbox credentials do not work here.</p>`;
}

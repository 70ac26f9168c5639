// The developer portal's "Applications": OAuth client apps the signed-in user registers (name,
// redirect URIs, public or confidential), through the OAuth server's own registerClientApp so the
// same rules apply as for `adcenter app register`. The client secret is shown once.
import type { FastifyInstance } from 'fastify';
import { ClientRegistrationError, listClientApps, registerClientApp } from '../../auth/oauth/clients.js';
import { isTrustedPost, layoutFor, type WebDeps } from '../deps.js';
import type { Viewer } from '../viewer.js';
import { readForm } from '../forms.js';
import { html, type Html } from '../html.js';
import { errorList, refusedPost, sendPage } from '../respond.js';

interface AppFormValues {
  name: string;
  redirectUris: string;
  confidential: boolean;
}

export function registerApplications(app: FastifyInstance, deps: WebDeps): void {
  app.post('/developer/apps', async (req, reply) => {
    const viewer = req.viewer;
    const form = readForm(req);
    if (!viewer || !isTrustedPost(req, form, viewer)) return refusedPost(reply);
    const values: AppFormValues = {
      name: (form.get('appName') ?? '').trim(),
      redirectUris: form.get('redirectUris') ?? '',
      confidential: form.get('appType') === 'confidential',
    };
    try {
      const registered = await registerClientApp(deps.store, {
        ownerUserId: viewer.user.id, name: values.name, redirectUris: values.redirectUris.split(/\r?\n/), confidential: values.confidential,
      });
      return sendPage(reply, 201, { ...layoutFor(viewer), title: 'Application registered' }, html`
<p>The application <strong>${values.name}</strong> is registered.</p>
<dl><dt>client_id</dt><dd><output class="secret" id="client-id">${registered.clientId}</output></dd>
${registered.clientSecret ? html`<dt>client_secret</dt><dd><output class="secret" id="client-secret">${registered.clientSecret}</output></dd>` : ''}</dl>
${registered.clientSecret ? html`<p class="error">Copy the client secret now: it is shown only this once.</p>` : html`<p class="note">A public client has no secret; it uses PKCE.</p>`}
<p><a href="/developer">Back to the developer portal</a></p>`);
    } catch (err) {
      if (!(err instanceof ClientRegistrationError)) throw err;
      return sendPage(reply, 400, { ...layoutFor(viewer), title: 'Register an application' },
        html`${errorList([err.message])}${appForm(viewer, values)}<p><a href="/developer">Back to the developer portal</a></p>`);
    }
  });
}

export async function applicationsSection(deps: WebDeps, viewer: Viewer): Promise<Html> {
  const apps = await listClientApps(deps.store, viewer.user.id);
  return html`<h2>Applications</h2>
<p class="note">OAuth client apps that sign users in through <code>/common/oauth2/v2.0/authorize</code> and get tokens from <code>/common/oauth2/v2.0/token</code>.</p>
${apps.length === 0 ? html`<p class="note" id="no-apps">You have registered no applications.</p>` : html`
<table id="applications"><thead><tr><th>Name</th><th>client_id</th><th>Type</th><th>Redirect URIs</th><th>Created</th></tr></thead><tbody>
${apps.map((a) => html`<tr><td>${a.name}</td><td><code>${a.clientId}</code></td><td>${a.confidential ? 'confidential (secret)' : 'public (PKCE)'}</td>
<td>${a.redirectUris.map((u) => html`<div>${u}</div>`)}</td><td>${a.createdTime.toISOString()}</td></tr>`)}
</tbody></table>`}
${appForm(viewer, { name: '', redirectUris: '', confidential: false })}`;
}

function appForm(viewer: Viewer, v: AppFormValues): Html {
  return html`<form method="post" action="/developer/apps" id="register-app">
  <input type="hidden" name="csrf" value="${viewer.session.csrf}">
  <label for="appName">Application name</label>
  <input id="appName" name="appName" type="text" maxlength="120" required value="${v.name}">
  <label for="redirectUris">Redirect URIs (one per line)</label>
  <textarea id="redirectUris" name="redirectUris" rows="3" cols="50" required>${v.redirectUris}</textarea>
  <fieldset><legend>Type</legend>
  <label><input type="radio" name="appType" value="public"${v.confidential ? '' : html` checked`}> Public (desktop, mobile, single-page): PKCE, no secret</label>
  <label><input type="radio" name="appType" value="confidential"${v.confidential ? html` checked` : ''}> Confidential (web server): gets a client secret</label>
  </fieldset>
  <button type="submit">Register application</button>
</form>`;
}

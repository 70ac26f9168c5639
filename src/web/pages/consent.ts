// The OAuth consent page (the "Permissions requested" screen of the identity platform) and the
// authorize endpoint's error page. Server-rendered, no script. The form carries the validated
// request back to the authorize endpoint, which validates it again: nothing in it is trusted.
import type { FastifyReply } from 'fastify';
import { html } from '../html.js';
import { sendPage } from '../respond.js';

export interface ConsentView {
  appName: string;
  clientId: string;
  userName: string;
  csrf: string;
  /** Path of the authorize endpoint the form posts to. */
  action: string;
  /** Where the browser goes afterwards, shown so the user sees which site receives the code. */
  redirectUri: string;
  scopes: ReadonlyArray<{ scope: string; description: string }>;
  /** False when none of the scopes reaches this instance's API (another environment's scope). */
  reachesApi: boolean;
  environment: string;
  /** The authorization request's parameters, echoed as hidden fields. */
  fields: Readonly<Record<string, string>>;
}

function origin(uri: string): string {
  try {
    const url = new URL(uri);
    return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  } catch {
    return uri;
  }
}

export function sendConsentPage(reply: FastifyReply, view: ConsentView): FastifyReply {
  const warning = view.reachesApi ? '' : html`<p class="error" role="note">None of these permissions is valid for this
    ${view.environment} instance's API: calls made with the resulting token will be refused (error 3101).</p>`;
  const body = html`<p><strong>${view.appName}</strong> <span class="note">(application ${view.clientId})</span>
wants to access your account <strong>${view.userName}</strong>.</p>
<p>It will be able to:</p>
<ul class="scopes">${view.scopes.map((s) => html`<li title="${s.scope}">${s.description}</li>`)}</ul>
${warning}
<p class="note">If you accept, you will be sent back to ${origin(view.redirectUri)}.</p>
<form method="post" action="${view.action}">
${Object.entries(view.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<input type="hidden" name="csrf" value="${view.csrf}">
<div class="actions"><button name="decision" value="accept" type="submit">Accept</button>
<button name="decision" value="cancel" type="submit">Cancel</button></div>
</form>`;
  return sendPage(reply, 200, { title: 'Permissions requested', userName: view.userName, csrf: view.csrf }, body);
}

/**
 * A problem the authorize endpoint cannot send back to the application (unknown application,
 * unregistered redirect URI): shown to the user, as the identity platform does, with its AADSTS code.
 */
/** Who is signed in, for the page header (its sign-out form needs the session's CSRF token). */
export interface Viewer {
  userName: string;
  csrf: string;
}

export function sendAuthorizeError(reply: FastifyReply, status: number, code: number, message: string, viewer?: Viewer): FastifyReply {
  const body = html`<p class="error" role="alert">AADSTS${code}: ${message}</p>
<p class="note">The application that sent you here is not set up to sign in with this server.
Its developer can register it with <code>adcenter app register</code> or in the developer portal.</p>`;
  return sendPage(reply, status, { title: 'Sorry, but we are having trouble signing you in', ...viewer }, body);
}

/** A consent form that did not come from this site's page for this session. */
export function sendConsentRefused(reply: FastifyReply, viewer?: Viewer): FastifyReply {
  return sendPage(reply, 403, { title: 'Request refused', ...viewer }, html`<p class="error" role="alert">This consent form
was not sent from this site, or your session changed. Start the sign-in from the application again.</p>`);
}

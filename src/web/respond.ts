// How every web page is sent: HTML with headers that keep it out of caches (pages show tokens and
// account data), out of frames, and free of any script; plus the error page and redirects.
import type { FastifyReply } from 'fastify';
import type { ApiError } from '../contract/api-error.js';
import { faults } from '../contract/faults.js';
import { html, page, type Html, type PageOptions } from './html.js';

// No script at all; the layout's one inline <style> is the only style. Not form-action: the
// sign-in form may redirect on to the OAuth authorize endpoint and from there to a client's
// redirect URI, which Chromium would check against form-action.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('Cache-Control', 'no-store')
    .header('Content-Security-Policy', CSP)
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    // Same-origin: form posts keep their Origin/Referer (the same-origin check needs one) while a
    // link to another site never sees a URL carrying an invitation token.
    .header('Referrer-Policy', 'same-origin');
}

export function sendPage(reply: FastifyReply, status: number, options: PageOptions, body: Html): FastifyReply {
  return pageHeaders(reply).code(status).type('text/html; charset=utf-8').send(page(options, body));
}

export function errorPage(reply: FastifyReply, status: number, title: string, message: Html | string, layout: Omit<PageOptions, 'title'> = {}): FastifyReply {
  return sendPage(reply, status, { ...layout, title }, html`<p class="error">${message}</p>
<p><a href="/accounts">Accounts</a> · <a href="/signin">Sign in</a></p>`);
}

/** After a POST (303, so the browser follows with GET) or for a moved page (302). */
export function redirect(reply: FastifyReply, location: string, status: 302 | 303 = 303): FastifyReply {
  return pageHeaders(reply).code(status).header('Location', location).send();
}

/** An API error as the API would name it: "106 UserIsNotAuthorized: details". */
export function describeApiError(error: ApiError): string[] {
  return error.errors.map((e) => `${faults[e.fault].code} ${e.fault}: ${e.details ?? faults[e.fault].message}`);
}

/** The HTTP status the REST face would answer with for the error. */
export function apiErrorStatus(error: ApiError): number {
  return faults[error.fault].status;
}

export function errorList(messages: readonly string[]): Html {
  return messages.length ? html`<ul class="errors" role="alert">${messages.map((m) => html`<li class="error">${m}</li>`)}</ul>` : html``;
}

/** A POST that failed the same-origin or CSRF check. */
export function refusedPost(reply: FastifyReply): FastifyReply {
  return errorPage(reply, 403, 'Request refused',
    'This form was not sent from this site, or it has expired. Reload the page and try again.');
}

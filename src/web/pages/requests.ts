// The request log as a page (/requests): the API calls this instance served, newest first, with
// filters (TrackingId, operation, status) and each call's redacted request and response in a
// <details> element (no script). Where the /_adcenter API is open (the sandbox without an admin
// token) the page shows every call to anyone, as that API does; otherwise only the signed-in
// user's own calls.
import type { FastifyInstance } from 'fastify';
import type { RequestLogEntry } from '../../codec/request-log/request-log.js';
import { layoutFor, queryParam, toSignIn, type WebDeps } from '../deps.js';
import { html, type Html } from '../html.js';
import { errorPage, sendPage } from '../respond.js';

const PAGE_SIZE = 100;

export function registerRequests(app: FastifyInstance, deps: WebDeps): void {
  app.get('/requests', async (req, reply) => {
    const log = deps.requestLog;
    const viewer = req.viewer;
    if (!log?.enabled) return errorPage(reply, 404, 'Request log', 'The request log is off (--request-log-size 0).', layoutFor(viewer));
    if (!deps.requestLogOpen && !viewer) return toSignIn(req, reply);
    const filters = {
      trackingId: queryParam(req, 'trackingId')?.trim() || undefined,
      operation: queryParam(req, 'operation')?.trim() || undefined,
      status: validStatus(queryParam(req, 'status')),
    };
    const userName = deps.requestLogOpen ? undefined : viewer!.user.userName;
    const entries = log.list({ ...filters, userName, limit: PAGE_SIZE });
    return sendPage(reply, 200, { ...layoutFor(viewer), title: 'Request log' }, html`
<p class="note">${deps.requestLogOpen
    ? 'Every API call this server instance served (newest first), with credentials redacted. Also as JSON: GET /_adcenter/requests.'
    : 'Your own API calls on this server instance (newest first), with credentials redacted.'}</p>
<form method="get" action="/requests" id="request-filters">
  <label for="trackingId">TrackingId</label><input id="trackingId" name="trackingId" value="${filters.trackingId ?? ''}">
  <label for="operation">Operation</label><input id="operation" name="operation" value="${filters.operation ?? ''}">
  <label for="status">HTTP status (e.g. 500 or 4xx)</label><input id="status" name="status" value="${filters.status ?? ''}">
  <button type="submit">Search</button>
</form>
${entries.length === 0 ? html`<p class="note" id="no-requests">No calls match.</p>` : html`
<table id="requests"><thead><tr><th>Time</th><th>Protocol</th><th>Operation</th><th>User</th><th>Status</th><th>Faults</th><th>ms</th></tr></thead>
<tbody>${entries.map(row)}</tbody></table>`}`);
  });
}

function row(e: RequestLogEntry): Html {
  return html`<tr data-tracking-id="${e.trackingId}"><td>${e.time}</td><td>${e.protocol.toUpperCase()}</td><td>${e.operation}</td>
<td>${e.userName ?? '—'}</td><td>${e.status}</td><td>${e.faultCodes.join(', ')}</td><td>${e.durationMs}</td></tr>
<tr><td colspan="7"><details><summary>TrackingId <code>${e.trackingId}</code>${e.customerId ? html` · CustomerId ${e.customerId}` : ''}${e.accountId ? html` · CustomerAccountId ${e.accountId}` : ''}</summary>
<h3>Request</h3><pre style="white-space:pre-wrap;word-break:break-all">${e.request}</pre>
<h3>Response</h3><pre style="white-space:pre-wrap;word-break:break-all">${e.response}</pre></details></td></tr>`;
}

function validStatus(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && /^([1-5]\d\d|[1-5]xx)$/i.test(v) ? v : undefined;
}

// Calls to the emulator's own /_adcenter API (request log, fault injection), as a test suite or a
// client library would make them.
export interface AdminResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export async function admin(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<AdminResult> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}/_adcenter${path}`, {
    method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try { parsed = JSON.parse(text) as Record<string, unknown>; } catch { /* tests look at text */ }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export interface LoggedCall {
  trackingId: string;
  time: string;
  protocol: 'soap' | 'rest';
  operation: string;
  userName: string | null;
  customerId: string | null;
  accountId: string | null;
  status: number;
  faultCodes: number[];
  durationMs: number;
  request: string;
  response: string;
}

export async function loggedCalls(baseUrl: string, query = '', token?: string): Promise<LoggedCall[]> {
  const r = await admin(baseUrl, 'GET', `/requests${query}`, undefined, token);
  if (r.status !== 200) throw new Error(`GET /_adcenter/requests${query}: ${r.status} ${r.text}`);
  return r.body.requests as LoggedCall[];
}

/** The response text with every TrackingId (a GUID) replaced, to compare two answers. */
export function withoutTrackingIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<tracking-id>');
}

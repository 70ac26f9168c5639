// What the log says about a request. Fastify's default logs the full URL, and some URLs carry a
// secret in the query (an invitation link's `token`; OAuth parameters): their values are replaced
// before the line is written, so secrets never reach the log.
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMETERS = new Set([
  'token', 'code', 'code_verifier', 'client_secret', 'refresh_token', 'access_token', 'id_token_hint', 'password',
]);

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let decoded = name;
    try { decoded = decodeURIComponent(name.replace(/\+/g, ' ')); } catch { /* keep as sent */ }
    return eq >= 0 && SECRET_PARAMETERS.has(decoded.toLowerCase()) ? `${name}=[redacted]` : pair;
  });
  return `${url.slice(0, q)}?${query.join('&')}`;
}

/** Fastify's request serializer, with the URL redacted. */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

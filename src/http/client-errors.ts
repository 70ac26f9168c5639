// What a client gets when node's HTTP parser refuses its request before fastify sees it (a control
// character in a header, headers too large) or the request took too long: on the SOAP face's
// path a SOAP fault, everywhere else the REST face's JSON fault — never fastify's own JSON 400.
// The connection is closed afterwards: after a parse error or a timeout it cannot be trusted.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../contract/api-error.js';
import { writeJsonFault } from '../codec/json-codec.js';
import { writeFault } from '../codec/soap-writer.js';
import { SOAP_PREFIX } from './soap-face.js';

/** The path of the request each connection is on, for a timeout that strikes while its body arrives. */
const pathOnSocket = new WeakMap<Socket, string>();

/** An onRequest hook: remember which path the connection is serving. (A callback hook: no promise per request.) */
export function rememberRequestPath(req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  pathOnSocket.set(req.raw.socket, req.url);
  done();
}

interface ClientError extends Error {
  code?: string;
  rawPacket?: Buffer | { data: number[] };
}

const STATUS: Readonly<Record<string, readonly [number, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
};

/** fastify's clientErrorHandler. */
export function answerClientError(err: ClientError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason] = STATUS[err.code ?? ''] ?? [400, 'Bad Request'];
  const trackingId = randomUUID();
  const error = new ApiError('NullRequest', status === 408 ? 'The request was not received in time.' : 'The HTTP request could not be read.');
  const soap = isSoapPath(requestPath(err.rawPacket) ?? pathOnSocket.get(socket));
  const [type, body] = soap
    ? ['text/xml; charset=utf-8', writeFault(error, trackingId)]
    : ['application/json; charset=utf-8', JSON.stringify(writeJsonFault(error, trackingId))];
  // As node does: no answer when one has begun on this connection already (a 413 sent before the body ended).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      + `TrackingId: ${trackingId}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/** The request-target of the request line the parser choked on, if it got that far. */
function requestPath(packet: ClientError['rawPacket']): string | undefined {
  if (!packet) return undefined;
  const bytes = Buffer.isBuffer(packet) ? packet : Buffer.from(packet.data);
  const line = bytes.subarray(0, 8192).toString('latin1').split('\r\n', 1)[0] ?? '';
  return /^[A-Z]+ (\S+) HTTP\/\d/.exec(line)?.[1];
}

function isSoapPath(path: string | undefined): boolean {
  return path !== undefined && path.toLowerCase().startsWith(SOAP_PREFIX.toLowerCase());
}

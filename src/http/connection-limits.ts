// How long a connection may take and how many may be open at once. Without these a client that
// sends its headers and then one body byte every few seconds holds a connection (and a socket,
// and a parser) for ever, and enough of them exhaust the process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ConnectionLimits {
  /** Time to receive a whole request, headers and body, in ms; then 408 and the connection is cut. */
  readonly requestTimeoutMs: number;
  /** Time a connection may stay silent (no byte either way) while a request is open, in ms. */
  readonly idleTimeoutMs: number;
  /** Time an idle keep-alive connection is kept for the client's next request, in ms. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at most; a connection beyond them is closed at once. */
  readonly maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  // 1 MiB (the default body limit) at 35 KB/s; a client slower than that is not a real client.
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  // Longer than the 60 s idle timeout of common load balancers, so that they close first (fastify's choice).
  keepAliveTimeoutMs: 72_000,
  // Below the usual 1024 open files per process, leaving room for the store and the log.
  maxConnections: 900,
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A fastify serverFactory making the HTTP/1.1 server with these limits. */
export function limitedServerFactory(limits: ConnectionLimits): (handler: Handler) => Server {
  return (handler) => {
    const server = createServer({
      requestTimeout: limits.requestTimeoutMs,
      // The headers are part of the request: they get no longer than it.
      headersTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node looks for timed-out requests every 30 s by default: a 30 s timeout could last a minute.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
    }, handler);
    server.setTimeout(limits.idleTimeoutMs);
    server.maxConnections = limits.maxConnections;
    return server;
  };
}

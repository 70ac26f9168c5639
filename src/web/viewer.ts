// Who is looking at the page: the signed-in, still active user, loaded once per request by a hook
// (as @fastify/secure-session does) and read by every page as `req.viewer`. The user is re-read on
// every request so that a deleted or inactive user's cookie stops working at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Session, Sessions } from './session.js';

export interface Viewer {
  readonly user: UserRecord;
  readonly session: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user and their session; null for a visitor (set by the web application's hook). */
    viewer: Viewer | null;
  }
}

async function loadViewer(store: Store, sessions: Sessions, req: FastifyRequest): Promise<Viewer | null> {
  const session = await sessions.read(req);
  if (!session) return null;
  const user = await store.getUser(session.userId);
  return user && user.lifeCycleStatus === 'Active' ? { user, session } : null;
}

/** Adds `req.viewer` to every route of the (encapsulated) web application. */
export function loadViewerPerRequest(app: FastifyInstance, store: Store, sessions: Sessions): void {
  app.decorateRequest('viewer', null);
  app.addHook('preHandler', async (req) => {
    req.viewer = await loadViewer(store, sessions, req);
  });
}

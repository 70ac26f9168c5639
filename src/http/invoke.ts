// The one straight line every API request walks, whatever the protocol:
// credentials → user → domain operation → plain result (or an ApiError).
import { implementedHandler } from './implemented.js';
import type { OperationName, WireObject } from '../contract/values.js';
import { authenticate, type Credentials } from '../auth/authenticate.js';
import type { Environment } from '../contract/environment.js';
import { Context } from '../domain/context.js';
import { checkInputLimits } from '../domain/input-limits.js';
import type { Store } from '../store/store.js';
import type { RequestLog } from '../codec/request-log/request-log.js';
import { guardCall, type CallGuards } from './inspect/call-guard.js';
import type { CallNote } from './inspect/record-calls.js';
import type { CredentialCache } from '../auth/credential-cache.js';

export interface ApiRuntime {
  readonly store: Store;
  readonly environment: Environment;
  /** Configured public base URL (--public-url); when absent, links use the request's own origin. */
  readonly publicUrl?: string | undefined;
  /** Fault injection and the call-rate limit (http/inspect/), applied once the caller is known. */
  readonly guards?: CallGuards | undefined;
  /** Where the faces record every call (GET /_adcenter/requests). */
  readonly requestLog?: RequestLog | undefined;
  /** Credentials and access reused across requests while the store's access epoch stands. */
  readonly credentials?: CredentialCache | undefined;
}

/**
 * Authenticates, then decodes (so that an anonymous caller learns nothing about validation),
 * then runs the operation.
 */
export async function invoke(
  runtime: ApiRuntime, operation: OperationName, credentials: Credentials, decode: () => WireObject,
  requestOrigin?: string, note?: CallNote,
): Promise<WireObject> {
  const handler = implementedHandler(operation);
  const known = runtime.credentials ? await runtime.credentials.forRequest() : runtime.store;
  const user = await authenticate(known, runtime.environment, credentials);
  if (note) note.userName = user.userName;
  if (runtime.guards) await guardCall(runtime.guards, operation, user);
  const request = decode();
  checkInputLimits(operation, request);
  const publicUrl = runtime.publicUrl ?? requestOrigin;
  return handler(new Context(user, runtime.store, runtime.environment, undefined, publicUrl, known), request);
}

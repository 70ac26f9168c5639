// The one straight line every API request walks, whatever the protocol:
// credentials → user → domain operation → plain result (or an ApiError).
import { implementedHandler } from './implemented.js';
import type { OperationName, WireObject } from '../contract/values.js';
import { authenticate, type Credentials } from '../auth/authenticate.js';
import type { Environment } from '../contract/environment.js';
import { Context } from '../domain/context.js';
import type { Store } from '../store/store.js';
import type { CredentialCache } from '../auth/credential-cache.js';

export interface ApiRuntime {
  readonly store: Store;
  readonly environment: Environment;
  /** Configured public base URL (--public-url); when absent, links use the request's own origin. */
  readonly publicUrl?: string | undefined;
  /** Credentials and access reused across requests while the store's access epoch stands. */
  readonly credentials?: CredentialCache | undefined;
}

/**
 * Authenticates, then decodes (so that an anonymous caller learns nothing about validation),
 * then runs the operation.
 */
export async function invoke(
  runtime: ApiRuntime, operation: OperationName, credentials: Credentials, decode: () => WireObject,
  requestOrigin?: string,
): Promise<WireObject> {
  const handler = implementedHandler(operation);
  const known = runtime.credentials ? await runtime.credentials.forRequest() : runtime.store;
  const user = await authenticate(known, runtime.environment, credentials);
  const request = decode();
  const publicUrl = runtime.publicUrl ?? requestOrigin;
  return handler(new Context(user, runtime.store, runtime.environment, undefined, publicUrl, known), request);
}

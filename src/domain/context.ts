// What every domain operation receives: who is calling, the store, and the clock. No protocol.
import type { Environment } from '../contract/environment.js';
import type { OperationName, RequestOf, ResponseOf } from '../contract/values.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/records.js';
import { Access } from './access.js';
import { currentTime } from '../contract/ambient.js';

export class Context {
  #access: Promise<Access> | undefined;

  constructor(
    readonly user: UserRecord,
    readonly store: Store,
    readonly environment: Environment,
    readonly now: () => Date = currentTime,
    /**
     * The server's public base URL (no trailing slash), for links in the messages an operation
     * sends (SendUserInvitation's acceptance link): the configured --public-url, else the origin
     * the API request was sent to; undefined outside a request.
     */
    readonly publicUrl: string | undefined = undefined,
    /** Where the caller's access is read from: the store, or a view memoising it across requests (auth/credential-cache). */
    private readonly accessStore: Store = store,
  ) {}

  /** The caller's roles and agency links, loaded once per request. */
  access(): Promise<Access> {
    this.#access ??= Access.load(this.accessStore, this.user, this.now());
    return this.#access;
  }
}

export type Handler<O extends OperationName> = (ctx: Context, request: RequestOf<O>) => Promise<ResponseOf<O>>;

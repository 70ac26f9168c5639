// Credentials and access resolved once, then reused across requests while they cannot have
// changed. The store's access epoch (migration 14) is moved by database triggers in the same
// transaction as every change to access tokens, developer tokens, users, user roles and client
// links; each request reads it once (one indexed single-row read) and reuses the records read at
// that epoch. A revoked token, a changed role or a deleted user therefore takes effect on the very
// next request, on every instance sharing the database — without waiting for a notification, as
// LISTEN/NOTIFY or a time-to-live would.
//
// What is cached are the store's answers, not decisions: authenticate() and Access.load() run
// unchanged on a view of the store that memoises their reads, so expiry, scopes, life-cycle status
// and link start dates are still judged at each request's own time. Absent rows are never
// memoised (an insert does not move the epoch).
import type { Store } from '../store/store.js';

/** Memoised reads at most, before the memo starts again (bounds memory under many users). */
const MAX_ENTRIES = 20_000;

type Memoised = Pick<Store, 'findAccessToken' | 'findDeveloperToken' | 'getUser' | 'listUserRoles' | 'listClientLinksByManager'>;

/** One epoch's memo: a view of the store answering the credential and access reads from it. */
class Generation {
  private readonly memo = new Map<string, Promise<unknown>>();
  readonly view: Store;

  constructor(readonly epoch: bigint, store: Store) {
    const remember = <T>(key: string, read: () => Promise<T>): Promise<T> => {
      const known = this.memo.get(key);
      if (known !== undefined) return known as Promise<T>;
      if (this.memo.size >= MAX_ENTRIES) this.memo.clear();
      const pending = read();
      this.memo.set(key, pending);
      pending.then(
        (value) => { if (value === null) this.memo.delete(key); },
        () => this.memo.delete(key),
      );
      return pending;
    };
    const overrides: Memoised = {
      findAccessToken: (hash) => remember(`t${hash}`, () => store.findAccessToken(hash)),
      findDeveloperToken: (hash) => remember(`d${hash}`, () => store.findDeveloperToken(hash)),
      getUser: (id) => remember(`u${id}`, () => store.getUser(id)),
      listUserRoles: (userId) => remember(`r${userId}`, () => store.listUserRoles(userId)),
      listClientLinksByManager: (ids, statuses) =>
        remember(`l${ids.join(',')}|${statuses.join(',')}`, () => store.listClientLinksByManager(ids, statuses)),
    };
    // Every other method is the store's own (the view inherits from it).
    this.view = Object.assign(Object.create(store) as Store, overrides);
  }
}

export class CredentialCache {
  private generation: Generation | undefined;

  constructor(private readonly store: Store) {}

  /**
   * The store view for one request's authentication and access: memoised reads when the epoch is
   * the one they were made at, a fresh memo when it moved. Records read by a request that began
   * before a change stay in that older generation, which no later request uses.
   */
  async forRequest(): Promise<Store> {
    const epoch = await this.store.accessEpoch();
    let generation = this.generation;
    if (generation === undefined || generation.epoch !== epoch) {
      generation = new Generation(epoch, this.store);
      // Never go back to an older epoch (a slow request that read it before a change).
      if (this.generation === undefined || this.generation.epoch < epoch) this.generation = generation;
    }
    return generation.view;
  }
}

// The small worlds the client-link tests need: an agency and a client (each a tenant with a Super
// Admin), links written straight into the server's store in any status and at any age, and the
// agency's view of the client account (GetAccount) to tell whether a link grants access.
import type { ClientLinkRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import type { Faces } from './faces.js';
import { createTestTenant, type TestTenant } from './fixtures.js';
import type { Face } from './client-links.js';
import { uniqueName } from './names.js';

export const DAY = 86_400_000;

export interface LinkWorld {
  agency: TestTenant;
  client: TestTenant;
}

export async function linkWorld(store: Store, label: string): Promise<LinkWorld> {
  return { agency: await createTestTenant(store, 'sandbox', `${label} Agency`), client: await createTestTenant(store, 'sandbox', `${label} Client`) };
}

/** A stored link in any status, requested `ageDays` ago, starting at `startDate`. */
export function storeLink(store: Store, options: {
  type?: ClientLinkRecord['type']; clientEntityId: bigint; managingCustomerId: bigint; status: ClientLinkRecord['status'];
  ageDays?: number; startDate?: Date; aggregatee?: boolean; permission?: string | null;
}): Promise<ClientLinkRecord> {
  const type = options.type ?? 'AccountLink';
  return store.insertClientLink({
    type, clientEntityId: options.clientEntityId, managingCustomerId: options.managingCustomerId, status: options.status,
    name: uniqueName('link').slice(0, 40), note: null, isBillToClient: type === 'AccountLink' ? true : null,
    startDate: options.startDate ?? new Date(), inviterEmail: null, inviterName: null, inviterPhone: null,
    customerLinkPermission: type === 'CustomerLink' ? (options.permission ?? 'Administrative') : null,
    suppressNotification: true, lastModifiedByUserId: null, aggregatee: options.aggregatee ?? false,
    createdTime: new Date(Date.now() - (options.ageDays ?? 0) * DAY),
  });
}

/** The newest link of the pair, straight from the store. */
export async function newestLink(store: Store, clientEntityId: bigint, managingCustomerId: bigint, type: ClientLinkRecord['type'] = 'AccountLink'): Promise<ClientLinkRecord | undefined> {
  const links = (await store.listClientLinksByClient(type, [clientEntityId])).filter((l) => l.managingCustomerId === managingCustomerId);
  return links.at(-1);
}

/** GetAccount of the account with the token: 'ok', or the fault code. */
export async function getAccount(call: Faces, face: Face, accountId: bigint, token: string): Promise<string> {
  if (face === 'REST') {
    const r = await call.rest('GetAccount', { AccountId: accountId.toString() }, token);
    if (r.status === 200) return 'ok';
    return String((r.body.OperationErrors as Array<{ Code: number }> | undefined ?? r.body.Errors as Array<{ Code: number }>)[0]!.Code);
  }
  const r = await call.soap('GetAccount', `<AccountId>${accountId}</AccountId>`, token);
  if (r.status === 200) return 'ok';
  return /<(?:\w+:)?Code>(\d+)</.exec(r.text)?.[1] ?? `HTTP ${r.status}`;
}

// SearchClientLinks: "the client links for the customer of the current authenticated user …
// the most recent link for each unique combination of agency customer and client account",
// seen from either side (agency or client), with one or two predicates, one ordering, paging ≤ 100.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord } from '../../store/records.js';
import type { Context, Handler } from '../context.js';
import { firstOrderBy, pageOf, type Ordering } from '../search/paging.js';
import type { Access } from '../access.js';
import { clientLinkEntity, loadLinkNames, type LinkNames } from './client-link-entity.js';
import { linkPredicates, type LinkPredicates } from './link-predicates.js';
import { linksByManager, newestPerPair } from './life-cycle.js';
import { isAgencySide, isClientSide } from './link-parties.js';

/** "The maximum size for SearchClientLinks is 100." */
export const MAX_LINK_PAGE_SIZE = 100;

type ClientLink = Entity<'ClientLink'>;

export const searchClientLinks: Handler<'SearchClientLinks'> = async (ctx, request) => {
  const filter = linkPredicates(request.Predicates);
  const { offset, size } = pageOf(request.PageInfo, MAX_LINK_PAGE_SIZE);
  const order = orderBy(firstOrderBy(request.Ordering, ['Id', 'Name', 'Number'] as const, 'SearchClientLinks'));
  if (size === 0) return { ClientLinks: [] };

  const access = await ctx.access();
  const found = newestPerPair(await candidates(ctx, filter)).filter((l) => !l.aggregatee);
  const names = await loadLinkNames(ctx.store, found);
  const managed = filter.managingCustomerId !== undefined && isAgencySide(access, 'AccountLink', filter.managingCustomerId);
  const visible = found.filter((l) => canSee(access, l, names) || (managed && l.type === 'AccountLink'));
  const now = ctx.now();
  const links = visible.map((l) => ({ id: l.id, entity: clientLinkEntity(l, names, now) }));
  links.sort((a, b) => order(a.entity, b.entity) || (a.id < b.id ? -1 : 1));
  return { ClientLinks: links.slice(offset, offset + size).map((l) => l.entity) };
};

/** The links the predicates name, before visibility. */
async function candidates(ctx: Context, f: LinkPredicates): Promise<ClientLinkRecord[]> {
  const store = ctx.store;
  if (f.clientAccountIds) {
    // "If you include both ClientAccountId and ManagingCustomerId …, the ManagingCustomerId will be ignored."
    const links = await store.listClientLinksByClient('AccountLink', f.clientAccountIds);
    return f.directManagingCustomerId === undefined ? links : links.filter((l) => l.managingCustomerId === f.directManagingCustomerId);
  }
  if (f.clientCustomerIds) {
    const links = await store.listClientLinksByClient('CustomerLink', f.clientCustomerIds);
    const manager = f.directManagingCustomerId ?? f.managingCustomerId;
    return manager === undefined ? links : links.filter((l) => l.managingCustomerId === manager);
  }
  if (f.directManagingCustomerId !== undefined) return linksByManager(store, [f.directManagingCustomerId]);
  // ManagingCustomerId: that customer's account links, "If other customers also link to the client
  // advertiser account, the results will include those client links."
  const own = (await linksByManager(store, [f.managingCustomerId!])).filter((l) => l.type === 'AccountLink');
  const accounts = [...new Set(own.filter((l) => !l.aggregatee).map((l) => l.clientEntityId))];
  return store.listClientLinksByClient('AccountLink', accounts);
}

/** The managing customer's side or the client's side, with the right to manage such links. */
function canSee(access: Access, link: ClientLinkRecord, names: LinkNames): boolean {
  if (isAgencySide(access, link.type, link.managingCustomerId)) return true;
  if (link.type === 'AccountLink') {
    const account = names.accounts.get(link.clientEntityId);
    return account !== undefined && isClientSide(access, link.type, { kind: 'account', account });
  }
  const customer = names.customers.get(link.clientEntityId);
  return customer !== undefined && isClientSide(access, link.type, { kind: 'customer', customer });
}

type Compare = (a: ClientLink, b: ClientLink) => number;

/** "Id" orders by the client entity, "Name" by the link name, "Number" by ManagingCustomerNumber. */
function orderBy(order: Ordering<'Id' | 'Name' | 'Number'> | undefined): Compare {
  const sign = order?.descending ? -1 : 1;
  const cmp = <T>(x: T | null | undefined, y: T | null | undefined): number =>
    (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0;
  switch (order?.field) {
    case 'Name': return (a, b) => sign * cmp(a.Name?.toLowerCase(), b.Name?.toLowerCase());
    case 'Number': return (a, b) => sign * cmp(a.ManagingCustomerNumber, b.ManagingCustomerNumber);
    default: return (a, b) => sign * cmp(a.ClientEntityId, b.ClientEntityId);
  }
}

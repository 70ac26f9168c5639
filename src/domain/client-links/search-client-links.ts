// SearchClientLinks: "the client links for the customer of the current authenticated user …
// the most recent link for each unique combination of agency customer and client account",
// seen from either side (agency or client), with one or two predicates, one ordering, paging ≤ 100.
import type { ClientLinkRecord, ClientLinkSearch } from '../../store/records.js';
import type { Handler } from '../context.js';
import { firstOrderBy, pageOf } from '../search/paging.js';
import type { Access } from '../access.js';
import { clientLinkEntity, loadLinkNames, type LinkNames } from './client-link-entity.js';
import { linkPredicates, type LinkPredicates } from './link-predicates.js';
import { isAgencySide, isClientSide } from './link-parties.js';

/** "The maximum size for SearchClientLinks is 100." */
export const MAX_LINK_PAGE_SIZE = 100;

export const searchClientLinks: Handler<'SearchClientLinks'> = async (ctx, request) => {
  const filter = linkPredicates(request.Predicates);
  const { offset, size } = pageOf(request.PageInfo, MAX_LINK_PAGE_SIZE);
  const order = firstOrderBy(request.Ordering, ['Id', 'Name', 'Number'] as const, 'SearchClientLinks');
  if (size === 0) return { ClientLinks: [] };

  const access = await ctx.access();
  const managed = filter.managingCustomerId !== undefined && isAgencySide(access, 'AccountLink', filter.managingCustomerId);
  const search = { of: candidates(filter), orderBy: { field: order?.field ?? 'Id', descending: order?.descending ?? false } } as const;
  // The store orders and pages the newest links; who may see one is Access's rule, checked here on
  // the links read, a page at a time, until the page asked for is full (usually the first read).
  const wanted = offset + size;
  const visible: Array<{ link: ClientLinkRecord; names: LinkNames }> = [];
  for (let from = 0; visible.length < wanted; from += wanted) {
    const links = await ctx.store.searchClientLinks({ ...search, offset: from, limit: wanted });
    const names = await loadLinkNames(ctx.store, links);
    for (const link of links) {
      if (canSee(access, link, names) || (managed && link.type === 'AccountLink')) visible.push({ link, names });
    }
    if (links.length < wanted) break;
  }
  const now = ctx.now();
  return { ClientLinks: visible.slice(offset, offset + size).map(({ link, names }) => clientLinkEntity(link, names, now)) };
};

/** The links the predicates name, before visibility. */
function candidates(f: LinkPredicates): ClientLinkSearch['of'] {
  if (f.clientAccountIds) {
    // "If you include both ClientAccountId and ManagingCustomerId …, the ManagingCustomerId will be ignored."
    return { type: 'AccountLink', clientIds: f.clientAccountIds, ...(f.directManagingCustomerId === undefined ? {} : { managerId: f.directManagingCustomerId }) };
  }
  if (f.clientCustomerIds) {
    const manager = f.directManagingCustomerId ?? f.managingCustomerId;
    return { type: 'CustomerLink', clientIds: f.clientCustomerIds, ...(manager === undefined ? {} : { managerId: manager }) };
  }
  if (f.directManagingCustomerId !== undefined) return { managerId: f.directManagingCustomerId };
  // ManagingCustomerId: that customer's account links, "If other customers also link to the client
  // advertiser account, the results will include those client links."
  return { accountsLinkedBy: f.managingCustomerId! };
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

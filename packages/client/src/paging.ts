// Paging over the Search operations: PageInfo { Index, Size } from the first index asked for,
// until a page comes back shorter than the page size.
import type { Operations } from './generated/types.js';

export type PagedOperation = 'SearchAccounts' | 'SearchCustomers' | 'SearchClientLinks';

const ITEMS = { SearchAccounts: 'Accounts', SearchCustomers: 'Customers', SearchClientLinks: 'ClientLinks' } as const;

type ItemsOf<O extends PagedOperation> = NonNullable<Operations[O]['response'][(typeof ITEMS)[O] & keyof Operations[O]['response']]>;
export type PageItem<O extends PagedOperation> = ItemsOf<O> extends Array<infer I> ? I : never;

interface Caller {
  call<O extends PagedOperation>(operation: O, request: Operations[O]['request']): Promise<Operations[O]['response']>;
}

/** Default page size per operation: the largest each one allows (Microsoft documents 1,000 for accounts and customers, 100 for client links). */
export const DEFAULT_PAGE_SIZE: Readonly<Record<PagedOperation, number>> = { SearchAccounts: 1000, SearchCustomers: 1000, SearchClientLinks: 100 };

export async function* pages<O extends PagedOperation>(
  client: Caller, operation: O, request: Operations[O]['request'],
  options: { pageSize?: number; onPage?: (page: { index: number; items: number }) => void },
): AsyncGenerator<PageItem<O>> {
  const size = options.pageSize ?? request.PageInfo?.Size ?? DEFAULT_PAGE_SIZE[operation];
  for (let index = request.PageInfo?.Index ?? 0; ; index++) {
    const response = await client.call(operation, { ...request, PageInfo: { Index: index, Size: size } });
    const items = ((response as Record<string, unknown>)[ITEMS[operation]] ?? []) as PageItem<O>[];
    options.onPage?.({ index, items: items.length });
    for (const item of items) yield item;
    if (items.length < size) return;
  }
}

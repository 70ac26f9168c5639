// Paging and ordering as every Search… operation reads them (paging.md, orderby.md): PageInfo is
// required, "If you include page info but do not set this element the default size is 0", each
// operation has its own maximum size, and "You can specify up to one OrderBy element … Additional
// elements are not supported and will be ignored by the service."
import { ApiError } from '../../contract/api-error.js';
import type { Entity } from '../../contract/values.js';

export interface Page {
  /** Rows to skip. */
  offset: number;
  /** Rows to return; 0 means an empty answer. */
  size: number;
}

/** The page asked for, or 3080 PageInfoInvalid when it is missing or out of 0…maxSize. */
export function pageOf(page: Entity<'Paging'> | null | undefined, maxSize: number): Page {
  if (!page) throw new ApiError('PageInfoInvalid', 'PageInfo is required.');
  const index = page.Index ?? 0;
  const size = page.Size ?? 0;
  if (index < 0 || size < 0 || size > maxSize) {
    throw new ApiError('PageInfoInvalid', `PageInfo.Index must be 0 or more and PageInfo.Size from 0 through ${maxSize}.`);
  }
  return { offset: index * size, size };
}

export interface Ordering<F extends string> {
  field: F;
  descending: boolean;
}

/**
 * The first OrderBy, its field one of `fields` (else 201 naming the operation), or undefined when
 * none was sent. A field left out means Id.
 */
export function firstOrderBy<F extends string>(
  ordering: readonly (Entity<'OrderBy'> | null)[] | null | undefined, fields: readonly F[], operation: string,
): Ordering<F> | undefined {
  const first = ordering?.find((o) => o !== null);
  if (!first) return undefined;
  const field = first.Field ?? 'Id';
  if (!(fields as readonly string[]).includes(field)) {
    throw new ApiError('InvalidParameter', `${operation} cannot order by ${field} (${fields.join(', ')}).`);
  }
  return { field: field as F, descending: first.Order === 'Descending' };
}

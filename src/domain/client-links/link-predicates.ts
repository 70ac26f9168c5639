// SearchClientLinks predicates (predicate.md): "You must include one or two predicates", fields
// ClientAccountId (Equals, In), ClientCustomerId (Equals, In), DirectManagingCustomerId (Equals)
// and the deprecated ManagingCustomerId (Equals), with the documented combination rules.
import type { Entity } from '../../contract/values.js';
import { parseId } from '../../contract/ids.js';
import { ApiError } from '../../contract/api-error.js';

type Predicate = Entity<'Predicate'>;

const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  ClientAccountId: ['Equals', 'In'],
  ClientCustomerId: ['Equals', 'In'],
  DirectManagingCustomerId: ['Equals'],
  ManagingCustomerId: ['Equals'],
};
const MAX_PREDICATES = 2;
const MAX_IN_VALUES = 10;

export interface LinkPredicates {
  clientAccountIds?: bigint[];
  clientCustomerIds?: bigint[];
  directManagingCustomerId?: bigint;
  /** Left unset when ClientAccountId is present: then it "will be ignored". */
  managingCustomerId?: bigint;
}

export function linkPredicates(predicates: readonly (Predicate | null)[] | null | undefined): LinkPredicates {
  const list = (predicates ?? []).filter((p): p is Predicate => p !== null);
  if (list.length === 0) throw new ApiError('RequiredPredicateMissing', 'Predicates must contain one or two predicates.');
  if (list.length > MAX_PREDICATES) throw new ApiError('PredicateInvalid', 'SearchClientLinks takes at most two predicates.');
  const fields = list.map((p) => p.Field ?? '');
  if (new Set(fields).size !== fields.length) throw new ApiError('PredicateInvalid', 'A predicate field may be given only once.');
  if (fields.includes('DirectManagingCustomerId') && fields.includes('ManagingCustomerId')) {
    throw new ApiError('PredicateInvalid', 'You cannot include both DirectManagingCustomerId and ManagingCustomerId.');
  }
  if (fields.includes('ClientAccountId') && fields.includes('ClientCustomerId')) {
    throw new ApiError('PredicateInvalid', 'You cannot include both ClientAccountId and ClientCustomerId.');
  }
  const out: LinkPredicates = {};
  for (const p of list) {
    const field = p.Field ?? '';
    const operator = p.Operator ?? 'Equals';
    const allowed = OPERATORS[field];
    if (!allowed) throw new ApiError('PredicateInvalid', `Predicate field '${field.slice(0, 40)}' is not supported by SearchClientLinks.`);
    if (!allowed.includes(operator)) throw new ApiError('PredicateInvalid', `Operator ${operator} is not supported for ${field}.`);
    const texts = (p.Value ?? '').split(operator === 'In' ? ',' : /$^/).map((v) => v.trim());
    if (texts.length > MAX_IN_VALUES) throw new ApiError('PredicateInvalid', `In takes at most ${MAX_IN_VALUES} values.`);
    const ids = texts.map((t) => {
      const id = parseId(t);
      if (id === null) throw new ApiError('PredicateInvalid', `Predicate value for ${field} must be an identifier.`);
      return id;
    });
    switch (field) {
      case 'ClientAccountId': out.clientAccountIds = ids; break;
      case 'ClientCustomerId': out.clientCustomerIds = ids; break;
      case 'DirectManagingCustomerId': out.directManagingCustomerId = ids[0]!; break;
      case 'ManagingCustomerId': if (!fields.includes('ClientAccountId')) out.managingCustomerId = ids[0]!; break;
    }
  }
  return out;
}

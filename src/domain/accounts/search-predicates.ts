// SearchAccounts predicates → an AccountQuery (reference §3: fields, operators and their rules).
import type { Entity } from '../../contract/values.js';
import type { AccountQuery } from '../../store/records.js';
import { parseId } from '../../contract/ids.js';
import { ApiError } from '../../contract/api-error.js';

type Predicate = Entity<'Predicate'>;

const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  AccountId: ['Equals', 'In'],
  AccountLifeCycleStatus: ['Equals'],
  AccountName: ['Contains', 'Equals'],
  AccountNumber: ['Contains', 'Equals', 'In'],
  CustomerId: ['Equals'],
  UserId: ['Equals'],
};
const LIFE_CYCLE = ['Draft', 'Active', 'Inactive', 'Pause', 'Pending', 'Suspended'];
const MAX_IN_VALUES = 10;
/** predicate.md: "The length of this string must be four or greater" — applied to Contains. */
const MIN_CONTAINS_LENGTH = 4;

export interface PredicateFilter {
  conditions: Omit<AccountQuery, 'scope' | 'orderBy' | 'offset' | 'limit'>;
  /** UserId Equals: only accounts that this user can reach. */
  userId?: bigint;
}

export function predicateFilter(predicates: readonly (Predicate | null)[] | null | undefined): PredicateFilter {
  const list = (predicates ?? []).filter((p): p is Predicate => p !== null);
  if (list.length === 0) throw new ApiError('RequiredPredicateMissing', 'Predicates must contain a predicate.');
  const byStatus = list.filter((p) => p.Field === 'AccountLifeCycleStatus');
  // "You must include exactly one predicate", plus one more when filtering by life-cycle status.
  if (byStatus.length === 1 && list.length === 1) {
    throw new ApiError('RequiredPredicateMissing', 'An AccountLifeCycleStatus predicate needs one other predicate, such as UserId.');
  }
  if (list.length > (byStatus.length === 1 ? 2 : 1)) {
    throw new ApiError('PredicateInvalid', 'Exactly one predicate is allowed (two when one is AccountLifeCycleStatus).');
  }
  const filter: PredicateFilter = { conditions: {} };
  for (const p of list) apply(filter, p);
  return filter;
}

function apply(filter: PredicateFilter, p: Predicate): void {
  const field = p.Field ?? '';
  const operator = p.Operator ?? 'Equals';
  const allowed = OPERATORS[field];
  if (!allowed) throw new ApiError('PredicateInvalid', `Predicate field '${field.slice(0, 40)}' is not supported by SearchAccounts.`);
  if (!allowed.includes(operator)) throw new ApiError('PredicateInvalid', `Operator ${operator} is not supported for ${field}.`);
  const value = (p.Value ?? '').trim();
  if (value === '') throw new ApiError('PredicateInvalid', `Predicate value for ${field} is required.`);
  if (operator === 'Contains' && value.length < MIN_CONTAINS_LENGTH) {
    throw new ApiError('PredicateInvalid', `A Contains value must be ${MIN_CONTAINS_LENGTH} or more characters.`);
  }
  const values = operator === 'In' ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
  if (values.length > MAX_IN_VALUES) throw new ApiError('PredicateInvalid', `In takes at most ${MAX_IN_VALUES} values.`);
  const c = filter.conditions;
  switch (field) {
    case 'AccountId': c.ids = values.map((v) => id(v, field)); break;
    case 'CustomerId': c.customerId = id(value, field); break;
    case 'UserId': filter.userId = id(value, field); break;
    case 'AccountName':
      if (operator === 'Equals') c.nameEquals = value; else c.nameContains = value;
      break;
    case 'AccountNumber':
      if (operator === 'Contains') c.numberContains = value; else c.numberEquals = values;
      break;
    case 'AccountLifeCycleStatus':
      if (!LIFE_CYCLE.includes(value)) throw new ApiError('PredicateInvalid', `'${value.slice(0, 40)}' is not an AccountLifeCycleStatus.`);
      // "Active" also returns accounts paused by billing (reason 2); "Pause" those paused by the user (1, 4).
      c.lifeCycle = value === 'Active' ? [{ status: 'Active' }, { status: 'Pause', pauseReasons: [2] }]
        : value === 'Pause' ? [{ status: 'Pause', pauseReasons: [1, 4] }]
          : [{ status: value }];
      break;
  }
}

function id(text: string, field: string): bigint {
  const value = parseId(text);
  if (value === null) throw new ApiError('PredicateInvalid', `Predicate value for ${field} must be an identifier.`);
  return value;
}

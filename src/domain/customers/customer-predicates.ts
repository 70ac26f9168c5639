// SearchCustomers predicates → a CustomerFilter (predicate.md, "SearchCustomers Predicates").
// 1–10 predicates, each field once except CreatedDate (a lower and an upper bound);
// MarketCountry and MarketLanguage only together.
import { ApiError } from '../../contract/api-error.js';
import { parseId } from '../../contract/ids.js';
import type { Entity } from '../../contract/values.js';
import { createdDay, dayAfter, supportedDay } from './customer-dates.js';

type Predicate = Entity<'Predicate'>;
type TextMatch = { equals: string } | { contains: string };

export const MAX_PREDICATES = 10;
const MAX_IN_VALUES = 10;
/** predicate.md: "The length of this string must be four or greater" — applied to Contains, as SearchAccounts does. */
const MIN_CONTAINS_LENGTH = 4;

const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  AccountId: ['Equals'],
  AccountName: ['Contains', 'Equals'],
  AccountNumber: ['Contains', 'Equals'],
  ApplicationScope: ['Equals'],
  CreatedDate: ['GreaterThanEquals', 'LessThanEquals'],
  CustomerId: ['Equals', 'In'],
  CustomerName: ['Contains', 'Equals'],
  MarketCountry: ['Equals'],
  MarketLanguage: ['Equals'],
  UserName: ['Equals'],
};

export interface CustomerFilter {
  accountId?: bigint;
  accountName?: TextMatch;
  accountNumber?: TextMatch;
  /** Created at or after this instant (the start of a UTC day). */
  createdFrom?: Date;
  /** Created before this instant (the start of the UTC day after the bound). */
  createdBefore?: Date;
  customerIds?: bigint[];
  customerName?: TextMatch;
  marketCountry?: string;
  marketLanguage?: string;
  userName?: string;
}

export function customerFilter(predicates: readonly (Predicate | null)[] | null | undefined): CustomerFilter {
  const list = (predicates ?? []).filter((p): p is Predicate => p !== null);
  if (list.length === 0) throw new ApiError('CustomerPredicateMissing', 'Predicates must contain at least one predicate.');
  if (list.length > MAX_PREDICATES) throw new ApiError('BatchSizeExceeded', `At most ${MAX_PREDICATES} predicates are allowed.`);
  const seen = new Set<string>();
  const filter: CustomerFilter = {};
  for (const p of list) {
    const field = p.Field ?? '';
    const operator = p.Operator ?? 'Equals';
    const allowed = OPERATORS[field];
    if (!allowed) throw invalid(`Predicate field '${field.slice(0, 40)}' is not supported by SearchCustomers.`);
    if (!allowed.includes(operator)) throw invalid(`Operator ${operator} is not supported for ${field}.`);
    // "may only use each predicate field once" — CreatedDate twice, as a lower and an upper bound.
    const key = field === 'CreatedDate' ? `${field}.${operator}` : field;
    if (seen.has(key)) throw invalid(`Predicate field ${field} may be used only once${field === 'CreatedDate' ? ' per operator' : ''}.`);
    seen.add(key);
    apply(filter, field, operator, (p.Value ?? '').trim());
  }
  if ((filter.marketCountry === undefined) !== (filter.marketLanguage === undefined)) {
    throw invalid('MarketCountry and MarketLanguage must be given together.');
  }
  if (filter.createdFrom && filter.createdBefore && filter.createdFrom >= filter.createdBefore) {
    throw new ApiError('DateNotInRange', 'The CreatedDate upper bound is earlier than its lower bound.');
  }
  return filter;
}

function apply(filter: CustomerFilter, field: string, operator: string, value: string): void {
  if (value === '') throw invalid(`Predicate value for ${field} is required.`);
  if (operator === 'Contains' && value.length < MIN_CONTAINS_LENGTH) {
    throw invalid(`A Contains value must be ${MIN_CONTAINS_LENGTH} or more characters.`);
  }
  const text = (): TextMatch => (operator === 'Contains' ? { contains: value } : { equals: value });
  switch (field) {
    case 'AccountId': filter.accountId = id(value, field); break;
    case 'AccountName': filter.accountName = text(); break;
    case 'AccountNumber': filter.accountNumber = text(); break;
    case 'ApplicationScope': break; // "For internal use only": accepted, filters nothing.
    case 'CreatedDate': {
      const day = createdDay(value);
      if (day === null) throw invalid('A CreatedDate value must be a date (yyyy-MM-dd, optionally with a time, which is ignored).');
      if (!supportedDay(day)) throw new ApiError('DateNotInRange', `CreatedDate must be within the years 1753 to 9999.`);
      if (operator === 'GreaterThanEquals') filter.createdFrom = day; else filter.createdBefore = dayAfter(day);
      break;
    }
    case 'CustomerId': {
      const values = operator === 'In' ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
      if (values.length > MAX_IN_VALUES) throw invalid(`In takes at most ${MAX_IN_VALUES} values.`);
      filter.customerIds = values.map((v) => id(v, field));
      break;
    }
    case 'CustomerName': filter.customerName = text(); break;
    case 'MarketCountry': filter.marketCountry = value; break;
    case 'MarketLanguage': filter.marketLanguage = value; break;
    case 'UserName': filter.userName = value; break;
  }
}

function id(text: string, field: string): bigint {
  const value = parseId(text);
  if (value === null) throw invalid(`Predicate value for ${field} must be an identifier.`);
  return value;
}

function invalid(details: string): ApiError {
  return new ApiError('PredicateInvalid', details);
}

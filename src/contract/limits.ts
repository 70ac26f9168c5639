// How much a request may carry, element by element, and the fault for more: the longest text (in
// characters, after trimming) and the most items of a list. Declared once here, next to the
// contract, and checked in one place before an operation runs (domain/input-limits.ts), so no
// oversized value ever reaches a query (a 50,000-character LIKE pattern made SQLite throw).
// docs/errors.md ("Input limits") lists the choices; the documented limits come from the
// reference's field pages.
import type { FaultName } from './faults.js';
import type { OperationName, RequestOf, TypeName, ValueOf } from './values.js';

export interface ElementLimit {
  /** Longest text in characters (for a list of strings: of each item). */
  readonly maxLength?: number;
  /** Most items of a list. */
  readonly maxItems?: number;
  readonly fault: FaultName;
}

/** What every element not named below is held to. Generous: only abuse reaches it. */
export const DEFAULT_LIMITS = {
  maxLength: { maxLength: 10_000, fault: 'InvalidParameter' },
  maxItems: { maxItems: 1_000, fault: 'BatchSizeExceeded' },
} as const satisfies Record<string, ElementLimit>;

const chars = (maxLength: number, fault: FaultName): ElementLimit => ({ maxLength, fault });
const items = (maxItems: number, fault: FaultName): ElementLimit => ({ maxItems, fault });

/** The longest value a begins-with filter can match: an account name (customer names are shorter). */
export const FILTER_MAX_LENGTH = 100;
/** A predicate value is a name, a number, a date or up to ten comma-separated ids. */
export const PREDICATE_VALUE_MAX_LENGTH = 1_000;

type FieldsOf<T> = T extends readonly unknown[] ? never : keyof T & string;

/** Limits on the elements of an operation's request wrapper. */
export const requestLimits: { readonly [O in OperationName]?: { readonly [F in FieldsOf<RequestOf<O>>]?: ElementLimit } } = {
  FindAccounts: { AccountFilter: chars(FILTER_MAX_LENGTH, 'InvalidParameter') },
  FindAccountsOrCustomersInfo: { Filter: chars(FILTER_MAX_LENGTH, 'InvalidParameter') },
  GetCustomersInfo: { CustomerNameFilter: chars(FILTER_MAX_LENGTH, 'InvalidParameter') },
  // "You must include exactly one predicate" (two when one is AccountLifeCycleStatus).
  SearchAccounts: { Predicates: items(2, 'PredicateInvalid') },
  // "1 to 10 predicates"; more is a batch too large.
  SearchCustomers: { Predicates: items(10, 'BatchSizeExceeded') },
  SearchClientLinks: { Predicates: items(2, 'PredicateInvalid') },
  SearchUserInvitations: { Predicates: items(1, 'PredicateInvalid') },
  DismissNotifications: { NotificationTypePairs: items(100, 'BatchSizeExceeded') },
};

/**
 * Limits on the elements of a data type, wherever it appears. Address is not here: the same
 * too-long field is a 1140 on a business address, a 201 on a user's address and a Status (no
 * fault) in ValidateAddress, so the domain keeps those rules; ClientLink problems are reported per
 * link in PartialErrors. Both are still held to DEFAULT_LIMITS.
 */
export const typeLimits: { readonly [T in TypeName]?: { readonly [F in FieldsOf<ValueOf<T>>]?: ElementLimit } } = {
  AdvertiserAccount: { Name: chars(100, 'NameTooLong') },
  Customer: { Name: chars(90, 'NameTooLong') },
  PersonName: {
    FirstName: chars(100, 'NameTooLong'),
    LastName: chars(100, 'NameTooLong'),
    MiddleInitial: chars(1, 'InvalidParameter'),
  },
  User: { JobTitle: chars(50, 'InvalidParameter') },
  ContactInfo: {
    Email: chars(100, 'InvalidParameter'),
    Fax: chars(100, 'InvalidParameter'),
    HomePhone: chars(100, 'InvalidParameter'),
    Mobile: chars(100, 'InvalidParameter'),
    Phone1: chars(100, 'InvalidParameter'),
    Phone2: chars(100, 'InvalidParameter'),
  },
  UserInvitation: {
    FirstName: chars(40, 'NameTooLong'),
    LastName: chars(40, 'NameTooLong'),
    Email: chars(100, 'InvalidParameter'),
  },
  Predicate: {
    Field: chars(100, 'PredicateInvalid'),
    Value: chars(PREDICATE_VALUE_MAX_LENGTH, 'PredicateInvalid'),
  },
};

/** Where an element sits: directly in an operation's request, or in a data type. */
export type LimitOwner = { readonly request: OperationName } | { readonly type: string };

/** The limit an element is held to: its own declaration, or the default for its kind. */
export function limitOf(owner: LimitOwner, field: string, kind: 'text' | 'list'): ElementLimit {
  const table: Readonly<Record<string, Readonly<Record<string, ElementLimit>> | undefined>> =
    'request' in owner ? requestLimits : typeLimits;
  const declared = table['request' in owner ? owner.request : owner.type]?.[field];
  if (kind === 'text') return declared?.maxLength !== undefined ? declared : DEFAULT_LIMITS.maxLength;
  return declared?.maxItems !== undefined ? declared : DEFAULT_LIMITS.maxItems;
}

// The error catalogue: every fault the service can return, with the code, symbolic name and
// message that Microsoft documents (guides/operation-error-codes.md), which of the two fault
// shapes carries it, and the HTTP status the REST face answers with (docs/errors.md says why).
//
// AdApiFaultDetail carries "generic errors such as an authentication error"; ApiFault carries
// "web service-specific errors such as invalid data" and, for Customer Management, has no
// ErrorCode element on the wire (the symbolic name below is then for our code and logs only).

export type FaultKind = 'AdApiFaultDetail' | 'ApiFault';
export type RestStatus = 400 | 401 | 403 | 413 | 429 | 500 | 501;

export interface FaultDef {
  readonly code: number;
  readonly kind: FaultKind;
  readonly message: string;
  readonly status: RestStatus;
}

const ad = (code: number, status: RestStatus, message: string): FaultDef => ({ code, kind: 'AdApiFaultDetail', message, status });
const op = (code: number, message: string, status: RestStatus = 400): FaultDef => ({ code, kind: 'ApiFault', message, status });

export const faults = {
  InternalError: ad(0, 500, 'An unidentified error has occurred.'),
  NullRequest: ad(100, 400, 'The request message is null.'),
  InvalidCredentials: ad(105, 401, 'Authentication failed. Either supplied credentials are invalid or the account is inactive'),
  UserIsNotAuthorized: ad(106, 403, 'The user is not authorized to perform this action.'),
  AuthenticationTokenExpired: ad(109, 401, 'Authentication token expired. Please renew it or obtain a new token.'),
  RequestMissingHeaders: ad(116, 401, 'One or more required header elements are missing from the request.'),
  CallRateExceeded: ad(117, 429, 'You have exceeded the number of calls that you are allowed to make in a minute. Please reduce the number of calls that you make per minute.'),
  ApiInputValidationError: ad(201, 400, 'One or more input elements failed validation.'),
  OperationNotSupported: ad(204, 501, 'The operation is not supported.'),
  OAuthTokenInvalid: ad(3101, 401, 'The OAuth access token is not valid for this request.'),

  NullParameter: op(203, 'The parameter cannot be null.'),
  InvalidParameter: op(201, 'One or more input elements failed validation.'),
  TimestampNotMatch: op(209, 'The time stamp does not match.'),
  EntityNotExistent: op(210, 'The entity does not exist.'),
  NameTooLong: op(211, 'The specified name is too long.'),
  CustomerNull: op(310, 'You should specify a Customer object, for example when creating or updating customers.'),
  RequiredPredicateMissing: op(474, 'Required search predicate is missing.'),
  DateNotInRange: op(532, 'A date or date/time is not in the range of dates that the service supports, or the end of a time range is earlier than the start.'),
  AccountStatusTransitionInvalid: op(1126, "The existing account status can't be transitioned to the requested account status."),
  ClientLinkAlreadyInvited: op(1410, 'An invitation to manage the specified client account has already been sent.'),
  ClientAccountManagedByAnotherAgency: op(1424, 'The client account is already managed by another agency.'),
  PrepaidClientAccountNotSupported: op(1471, 'Prepaid client accounts are not supported for management by agencies. The client account must be set up for post-pay billing.'),
  AccountBeingLinkedOrUnlinked: op(1472, 'You cannot get, delete, or update an account that is being linked or unlinked.'),
  BusinessAddressRequired: op(1139, 'The business address of this account is required.'),
  BusinessAddressInvalid: op(1140, 'The business address of this account is not valid.'),
  AccountIdInvalid: op(2108, 'The account identifier is invalid.'),
  AccountUpdateNotAllowed: op(2192, 'The account may not be updated given its current lifecycle status.'),
  BatchSizeExceeded: op(3024, 'The batch size exceeds the limit.'),
  PredicateInvalid: op(3030, 'The Predicate passed in the search is invalid.'),
  CustomerPredicateMissing: op(3079, 'At least one predicate is required to search for customers.'),
  PageInfoInvalid: op(3080, 'Page Info must be present and have index greater than 0 (zero).'),
  ClientLinkElementReadOnly: op(3083, 'A specified element of the client link may not be updated.'),
  ListNullOrEmpty: op(3087, 'The required list of elements is null or empty.'),
  UserInvitationNull: op(3086, 'The UserInvitation field cannot be null or empty for the SendUserInvitation operation.'),
  RequiredListEmpty: op(3087, 'The required list of elements is null or empty.'),
} as const satisfies Record<string, FaultDef>;

export type FaultName = keyof typeof faults;

/** The symbolic ErrorCode put on the wire: the catalogue key, except where two keys share a code. */
export function errorCodeOf(name: FaultName): string {
  return name === 'InvalidParameter' ? 'ApiInputValidationError' : name;
}

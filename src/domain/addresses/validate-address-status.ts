// The ValidateAddress verdict: the four documented statuses, from the rules applied to the address
// as sent and to its normalised form.
import { addressProblems, normaliseAddress, sameAddress, type Address } from './validate-address-rules.js';

export type AddressStatus =
  | 'AddressValidWithoutSuggestions' | 'AddressValidWithSuggestions'
  | 'AddressInvalidWithoutSuggestions' | 'AddressInvalidWithSuggestions';

export interface AddressVerdict {
  status: AddressStatus;
  /** The normalised address, when it differs from the one sent and passes the rules. */
  suggestion: Address | null;
}

export function addressVerdict(address: Address): AddressVerdict {
  const valid = addressProblems(address).length === 0;
  const normalised = { ...normaliseAddress(address), TimeStamp: null };
  const suggestion = !sameAddress(address, normalised) && addressProblems(normalised).length === 0 ? normalised : null;
  if (valid) return { status: suggestion ? 'AddressValidWithSuggestions' : 'AddressValidWithoutSuggestions', suggestion };
  return { status: suggestion ? 'AddressInvalidWithSuggestions' : 'AddressInvalidWithoutSuggestions', suggestion };
}

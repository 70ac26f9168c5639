// ValidateAddress: whether an address is good for an account's BusinessAddress, with the
// normalised address as a suggestion. Any signed-in user may ask; nothing is stored.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { addressVerdict } from './validate-address-status.js';

export const validateAddress: Handler<'ValidateAddress'> = async (_ctx, { Address: address }) => {
  if (!address) throw new ApiError('NullParameter', 'Address is required.');
  const { status, suggestion } = addressVerdict(address);
  return { OriginalAddress: address, Status: status, SuggestedAddresses: suggestion ? [suggestion] : null };
};

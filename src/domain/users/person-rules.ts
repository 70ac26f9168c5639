// Field rules shared by UpdateUser and SendUserInvitation: trimming, required values (203), length
// limits (names 211 NameTooLong, other text 201) and the e-mail shape.
import { ApiError } from '../../contract/api-error.js';
import { typeLimits } from '../../contract/limits.js';

/** Trimmed text; empty and absent both mean "not set". */
export function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function required(value: string | null, path: string): string {
  if (value === null) throw new ApiError('NullParameter', `${path} is required.`);
  return value;
}

export function atMost(value: string | null, max: number, path: string): string | null {
  if (value !== null && [...value].length > max) {
    throw new ApiError('InvalidParameter', `${path} must be at most ${max} characters.`);
  }
  return value;
}

/** A person's first or last name: required, and over the limit it is NameTooLong (211). */
export function personName(value: string | null | undefined, max: number, path: string): string {
  const name = required(text(value), path);
  if ([...name].length > max) throw new ApiError('NameTooLong', `${path} must be at most ${max} characters.`);
  return name;
}

/** The longest first or last name of an invited user (and of a user who signs up on the web). */
export const INVITED_NAME_MAX = typeLimits.UserInvitation!.FirstName!.maxLength!;
export const EMAIL_MAX = typeLimits.UserInvitation!.Email!.maxLength!;

/** Required e-mail address of at most 100 characters with one @ between non-empty parts. */
export function email(value: string | null | undefined, path: string): string {
  const address = atMost(required(text(value), path), EMAIL_MAX, path)!;
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new ApiError('InvalidParameter', `${path} is not an e-mail address.`);
  return address;
}

// Turns request credentials into the calling user, or the documented fault. Shared by SOAP
// (AuthenticationToken/DeveloperToken headers) and REST (Authorization: Bearer, DeveloperToken).
import { ApiError } from '../contract/api-error.js';
import type { Environment } from '../contract/environment.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { API_SCOPE, UNIVERSAL_SANDBOX_DEVELOPER_TOKEN } from './scopes.js';
import { hashSecret } from '../domain/credentials.js';
import { currentTime } from '../contract/ambient.js';

export interface Credentials {
  authenticationToken?: string | undefined;
  developerToken?: string | undefined;
  userName?: string | undefined;
  password?: string | undefined;
}

export async function authenticate(store: Store, environment: Environment, credentials: Credentials, now = currentTime()): Promise<UserRecord> {
  // The legacy UserName/Password headers are "reserved for internal use"; users must send an OAuth token.
  if (credentials.password || (credentials.userName && !credentials.authenticationToken)) {
    throw new ApiError('InvalidCredentials', 'UserName/Password authentication is not supported; send an OAuth access token in AuthenticationToken.');
  }
  if (!credentials.authenticationToken) throw new ApiError('RequestMissingHeaders', 'The AuthenticationToken header is required.');
  if (!credentials.developerToken) throw new ApiError('RequestMissingHeaders', 'The DeveloperToken header is required.');

  await checkDeveloperToken(store, environment, credentials.developerToken);

  const token = await store.findAccessToken(hashSecret(credentials.authenticationToken));
  if (!token || token.revokedTime) throw new ApiError('InvalidCredentials', 'The access token is not valid.');
  if (token.expiresAt.getTime() <= now.getTime()) throw new ApiError('AuthenticationTokenExpired');
  if (!token.scope.split(' ').includes(API_SCOPE[environment])) {
    throw new ApiError('OAuthTokenInvalid', `The access token does not carry the scope ${API_SCOPE[environment]}.`);
  }
  const user = await store.getUser(token.userId);
  if (!user || user.lifeCycleStatus !== 'Active') throw new ApiError('InvalidCredentials', 'The user is not active.');
  return user;
}

async function checkDeveloperToken(store: Store, environment: Environment, developerToken: string): Promise<void> {
  if (developerToken === UNIVERSAL_SANDBOX_DEVELOPER_TOKEN) {
    if (environment === 'sandbox') return;
    throw new ApiError('InvalidCredentials', 'The universal sandbox developer token is not valid in production.');
  }
  const record = await store.findDeveloperToken(hashSecret(developerToken));
  if (!record || record.revokedTime) throw new ApiError('InvalidCredentials', 'The developer token is not valid.');
  // A developer token is issued to a user: it ends with that user (deleted or inactive).
  const owner = await store.getUser(record.userId);
  if (!owner || owner.lifeCycleStatus !== 'Active') throw new ApiError('InvalidCredentials', 'The developer token is not valid.');
}

// Client applications ("app registrations"): registered from the CLI (`adcenter app register`)
// or the developer portal, looked up and authenticated by the OAuth endpoints.
import { timingSafeEqual } from 'node:crypto';
import type { OAuthClientRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { hashSecret } from '../../domain/credentials.js';
import { newOAuthSecret } from '../secrets.js';
import { oauthErrors } from './errors.js';
import { redirectUriProblem } from './redirect-uris.js';
import { random } from '../../contract/ambient.js';

/** Input the registration refused; the message is meant for the person registering. */
export class ClientRegistrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientRegistrationError';
  }
}

export interface ClientRegistration {
  ownerUserId: bigint;
  name: string;
  redirectUris: readonly string[];
  /** A confidential (web) app gets a client secret it must present at the token endpoint. */
  confidential: boolean;
}

export interface RegisteredClient {
  clientId: string;
  /** Shown once, for confidential apps only; only its hash is kept. */
  clientSecret?: string;
}

/** A registered app as listed to its owner (no secret hash). */
export type ClientAppView = Omit<OAuthClientRecord, 'secretHash'>;

export const MAX_REDIRECT_URIS = 20;
export const MAX_APP_NAME_LENGTH = 120;

export async function registerClientApp(store: Store, registration: ClientRegistration): Promise<RegisteredClient> {
  const name = registration.name.trim();
  if (name === '' || name.length > MAX_APP_NAME_LENGTH) {
    throw new ClientRegistrationError(`The application name must be 1 to ${MAX_APP_NAME_LENGTH} characters long.`);
  }
  const redirectUris = [...new Set(registration.redirectUris.map((u) => u.trim()).filter((u) => u !== ''))];
  if (redirectUris.length === 0) throw new ClientRegistrationError('Register at least one redirect URI.');
  if (redirectUris.length > MAX_REDIRECT_URIS) throw new ClientRegistrationError(`Register at most ${MAX_REDIRECT_URIS} redirect URIs.`);
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem !== null) throw new ClientRegistrationError(problem);
  }
  const owner = await store.getUser(registration.ownerUserId);
  if (!owner || owner.lifeCycleStatus !== 'Active') throw new ClientRegistrationError('The owner must be an active user.');

  const clientId = random().uuid();
  const clientSecret = registration.confidential ? newOAuthSecret() : undefined;
  await store.insertOAuthClient({
    clientId, name, redirectUris, confidential: registration.confidential,
    secretHash: clientSecret === undefined ? null : hashSecret(clientSecret), ownerUserId: owner.id,
  });
  return clientSecret === undefined ? { clientId } : { clientId, clientSecret };
}

export async function listClientApps(store: Store, ownerUserId: bigint): Promise<ClientAppView[]> {
  return (await store.listOAuthClients(ownerUserId)).map(({ secretHash: _secret, ...view }) => view);
}

/** The client named by a request, or unauthorized_client (the identity platform's AADSTS700016). */
export async function findClient(store: Store, clientId: string, tenant: string): Promise<OAuthClientRecord> {
  const client = await store.getOAuthClient(clientId);
  if (!client) throw oauthErrors.unknownClient(clientId, tenant);
  return client;
}

/**
 * Client authentication at the token endpoint: a confidential client must present its secret,
 * a public client must not present one (as the identity platform requires).
 */
export function authenticateClient(client: OAuthClientRecord, secret: string | undefined): void {
  if (!client.confidential || client.secretHash === null) {
    if (secret !== undefined) throw oauthErrors.secretFromPublicClient();
    return;
  }
  if (secret === undefined) throw oauthErrors.missingSecret();
  const expected = Buffer.from(client.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(expected, actual)) throw oauthErrors.wrongSecret(client.clientId);
}

// Issuing access tokens: used by the CLI (`adcenter token`) and the OAuth server.
import type { Environment } from '../contract/environment.js';
import type { Store } from '../store/store.js';
import { API_SCOPE, DEFAULT_ACCESS_TOKEN_SECONDS } from './scopes.js';
import { hashSecret } from '../domain/credentials.js';
import { newAccessToken } from './secrets.js';
import { currentTime } from '../contract/ambient.js';

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
  scope: string;
}

export async function issueAccessToken(
  store: Store, environment: Environment, userId: bigint,
  options: { clientId?: string; lifetimeSeconds?: number; scope?: string; now?: Date; grantId?: string } = {},
): Promise<IssuedAccessToken> {
  const lifetime = options.lifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;
  const now = options.now ?? currentTime();
  const scope = options.scope ?? `${API_SCOPE[environment]} offline_access`;
  const accessToken = newAccessToken(environment);
  await store.insertAccessToken({
    tokenHash: hashSecret(accessToken), userId, clientId: options.clientId ?? 'adcenter-cli', scope,
    expiresAt: new Date(now.getTime() + lifetime * 1000), grantId: options.grantId ?? null,
  });
  return { accessToken, expiresIn: lifetime, scope };
}

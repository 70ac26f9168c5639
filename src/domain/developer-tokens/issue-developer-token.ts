// Issuing a developer token: used by the developer page, the CLI (`adcenter token`) and the demo tenant.
import type { Store } from '../../store/store.js';
import { hashSecret, newDeveloperToken } from '../credentials.js';

export async function issueDeveloperToken(store: Store, userId: bigint): Promise<string> {
  const token = newDeveloperToken();
  await store.insertDeveloperToken({ userId, tokenHash: hashSecret(token), hint: token.slice(-4) });
  return token;
}

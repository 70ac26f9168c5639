// Password sign-in, shared by every face that takes a user name and password: one answer (null)
// for every failure — unknown name, wrong password, inactive or deleted user, no password set —
// with the same scrypt work in each case, so timing does not tell which names exist. A hash made
// with older (weaker) scrypt parameters is replaced after a successful sign-in, when the password
// is at hand: stored hashes move to today's parameters without anyone resetting a password.
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';

let dummyHash: Promise<string> | undefined;

/** The active user the name and password belong to, or null. */
export async function signInWithPassword(store: Store, userName: string, password: string): Promise<UserRecord | null> {
  const user = await store.getUserByName(userName);
  if (!user || !user.passwordHash) {
    dummyHash ??= hashPassword('not-a-password');
    await verifyPassword(password, await dummyHash);
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.lifeCycleStatus !== 'Active') return null;
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(password);
    // Compare-and-set: should the password have changed meanwhile, the newer hash stays.
    if (await store.replacePasswordHash(user.id, user.passwordHash, passwordHash)) return { ...user, passwordHash };
  }
  return user;
}

// Setting a password outside the sign-in: by the operator (`adcenter user password`) and through a
// "forgot password" link. The link's token is 256 random bits, kept only as its SHA-256, valid for
// an hour and once; using it (or any password change) ends the user's web sessions and voids the
// user's other links, in one store transaction.
import { hashSecret, newInvitationSecret } from '../domain/credentials.js';
import type { NewOutboxMessage, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { hashPassword } from './passwords.js';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
export const RESET_PATH = '/reset-password';

/** Sets the user's password (ending their web sessions); false when the user vanished meanwhile. */
export async function setUserPassword(store: Store, user: UserRecord, password: string, at: Date): Promise<boolean> {
  return store.setPassword(user.id, await hashPassword(password), at);
}

/**
 * Sends a reset link to the outbox if the name belongs to an active user; does nothing otherwise.
 * The caller answers the same either way, so the form does not tell which names exist.
 */
export async function requestPasswordReset(store: Store, userName: string, baseUrl: string, at: Date): Promise<void> {
  const user = await store.getUserByName(userName);
  if (!user || user.lifeCycleStatus !== 'Active') return;
  const token = newInvitationSecret();
  const expiresAt = new Date(at.getTime() + PASSWORD_RESET_LIFETIME_MS);
  await store.insertPasswordReset({ tokenHash: hashSecret(token), userId: user.id, createdTime: at, expiresAt });
  await store.insertOutboxMessage(resetMessage(user, `${baseUrl}${RESET_PATH}?token=${encodeURIComponent(token)}`, expiresAt, at));
}

/** Whether the link's token is live (to show the form, or the "expired" page). */
export async function isLiveResetToken(store: Store, token: string, at: Date): Promise<boolean> {
  return (await store.findLivePasswordReset(hashSecret(token), at)) !== null;
}

/** Uses the link: the new password is set and the user's sessions end. The user's id, or null when the link is not live. */
export async function completePasswordReset(store: Store, token: string, password: string, at: Date): Promise<bigint | null> {
  const tokenHash = hashSecret(token);
  // Checked first so that a dead link costs no scrypt; the store checks again, atomically.
  if (await store.findLivePasswordReset(tokenHash, at) === null) return null;
  return store.resetPassword(tokenHash, at, await hashPassword(password));
}

function resetMessage(user: UserRecord, link: string, expiresAt: Date, at: Date): NewOutboxMessage {
  const to = user.contactInfo?.email || user.userName;
  return {
    to,
    subject: 'Reset your Microsoft Advertising password',
    body: [
      `Hello ${[user.firstName, user.lastName].filter(Boolean).join(' ') || user.userName},`,
      '',
      `Someone (hopefully you) asked to reset the password of the user ${user.userName}.`,
      `Choose a new password here (the link works once, until ${expiresAt.toISOString()}):`,
      link,
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n'),
    createdTime: at,
  };
}

// The e-mail SendUserInvitation "sends": there is no mail server, so it goes to the store's outbox
// (`adcenter outbox` prints it). It carries the only copy of the acceptance secret, in the link.
import type { NewOutboxMessage, NewUserInvitation } from '../../store/records.js';
import type { Context } from '../context.js';
import { roleName } from '../roles.js';

/** Where links point when no request origin or --public-url is known (the default listen address). */
export const FALLBACK_PUBLIC_URL = 'http://127.0.0.1:8080';
export const ACCEPT_PATH = '/invitations/accept';

export function acceptanceLink(publicUrl: string | undefined, secret: string): string {
  return `${publicUrl ?? FALLBACK_PUBLIC_URL}${ACCEPT_PATH}?token=${encodeURIComponent(secret)}`;
}

export async function invitationMessage(ctx: Context, invitation: Omit<NewUserInvitation, 'secretHash' | 'createdByUserId'>, secret: string): Promise<NewOutboxMessage> {
  const customer = await ctx.store.getCustomer(invitation.customerId);
  const inviter = [ctx.user.firstName, ctx.user.lastName].filter(Boolean).join(' ') || ctx.user.userName;
  const scope = invitation.accountIds === null ? 'all of its accounts' : `account(s) ${invitation.accountIds.join(', ')}`;
  const body = [
    `Hello ${invitation.firstName} ${invitation.lastName},`,
    '',
    `${inviter} (${ctx.user.userName}) invited you to join the customer "${customer?.name ?? invitation.customerId}"`
      + ` (CustomerId ${invitation.customerId}) on Microsoft Advertising as ${roleName(invitation.roleId)}, with access to ${scope}.`,
    '',
    `Accept the invitation and choose your password here (the link is valid until ${invitation.expirationDate.toISOString()}):`,
    acceptanceLink(ctx.publicUrl, secret),
    '',
    'If you did not expect this invitation, you can ignore this message.',
  ].join('\n');
  return {
    to: invitation.email,
    subject: `Invitation to join ${customer?.name ?? `customer ${invitation.customerId}`} on Microsoft Advertising`,
    body,
    createdTime: ctx.now(),
  };
}

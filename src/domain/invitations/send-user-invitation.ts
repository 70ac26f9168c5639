// SendUserInvitation: creates the invitation and "e-mails" the invitee its acceptance link by
// writing the message to the outbox (there is no mail delivery; see invitation-message.ts), both
// in one store transaction (create-invitation.ts).
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { createInvitation } from './create-invitation.js';

export const sendUserInvitation: Handler<'SendUserInvitation'> = async (ctx, { UserInvitation: input }) => {
  // "The UserInvitation field cannot be null or empty": an element with nothing set is empty.
  if (!input || Object.values(input).every((v) => v === undefined || v === null)) {
    throw new ApiError('UserInvitationNull');
  }
  const { invitation } = await createInvitation(ctx, input);
  return { UserInvitationId: invitation.id };
};

// SendUserInvitation. No e-mail is sent (this server has no mail delivery yet), so the acceptance
// secret is dropped here; acceptInvitation is ready for the page that will deliver it.
import type { Handler } from '../context.js';
import { ApiError } from '../api-error.js';
import { createInvitation } from './create-invitation.js';

export const sendUserInvitation: Handler<'SendUserInvitation'> = async (ctx, { UserInvitation: input }) => {
  // "The UserInvitation field cannot be null or empty": an element with nothing set is empty.
  if (!input || Object.values(input).every((v) => v === undefined || v === null)) {
    throw new ApiError('UserInvitationNull');
  }
  const { invitation } = await createInvitation(ctx, input);
  return { UserInvitationId: invitation.id };
};

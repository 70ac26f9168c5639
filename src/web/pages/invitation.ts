// Accepting an invitation: the link e-mailed by SendUserInvitation (see the outbox) leads here.
// The page names the customer, the role and the invited address; the form creates the user with
// the invited role and scope (acceptInvitation), signs them in and opens their accounts page.
// Unknown links are 404, accepted or expired ones 410 — each with its own plain message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, newPasswordProblem } from '../../auth/passwords.js';
import { acceptableInvitation, acceptInvitation, InvitationNotAcceptable } from '../../domain/invitations/accept-invitation.js';
import { roleName } from '../../domain/roles.js';
import { ruleProblems } from '../../domain/rule-problems.js';
import { email, EMAIL_MAX, INVITED_NAME_MAX, personName } from '../../domain/users/person-rules.js';
import type { UserInvitationRecord } from '../../store/records.js';
import { StoreConflict } from '../../store/store.js';
import { layoutFor, queryParam, type WebDeps } from '../deps.js';
import { textField } from '../fields.js';
import { formToken, hasValidFormToken } from '../form-token.js';
import { isSameOrigin, readForm } from '../forms.js';
import { html } from '../html.js';
import { errorList, errorPage, redirect, refusedPost, sendPage } from '../respond.js';

interface AcceptValues {
  userName: string;
  firstName: string;
  lastName: string;
}

export function registerInvitation(app: FastifyInstance, deps: WebDeps): void {
  app.get('/invitations/accept', async (req, reply) => {
    const secret = queryParam(req, 'token') ?? '';
    try {
      const invitation = await acceptableInvitation(deps.store, secret);
      const values = { userName: invitation.email, firstName: invitation.firstName, lastName: invitation.lastName };
      return acceptForm(deps, req, reply, invitation, secret, values, [], 200);
    } catch (err) {
      if (err instanceof InvitationNotAcceptable) return notAcceptable(deps, req, reply, err);
      throw err;
    }
  });

  app.post('/invitations/accept', async (req, reply) => {
    const form = readForm(req);
    if (!isSameOrigin(req) || !hasValidFormToken(req, form)) return refusedPost(reply);
    const secret = form.get('token') ?? '';
    const values: AcceptValues = {
      userName: (form.get('userName') ?? '').trim(),
      firstName: (form.get('firstName') ?? '').trim(),
      lastName: (form.get('lastName') ?? '').trim(),
    };
    try {
      const invitation = await acceptableInvitation(deps.store, secret);
      const errors = validate(values, form.get('password') ?? '', form.get('confirm') ?? '');
      if (errors.length) return acceptForm(deps, req, reply, invitation, secret, values, errors, 400);
      try {
        const user = await acceptInvitation(deps.store, secret, {
          userName: values.userName, passwordHash: await hashPassword(form.get('password')!),
          firstName: values.firstName, lastName: values.lastName,
        });
        await deps.sessions.issue(req, reply, user.id);
        return redirect(reply, '/accounts');
      } catch (err) {
        if (err instanceof StoreConflict && err.what === 'user_name') {
          return acceptForm(deps, req, reply, invitation, secret, values, ['That user name is taken; choose another.'], 400);
        }
        throw err;
      }
    } catch (err) {
      if (err instanceof InvitationNotAcceptable) return notAcceptable(deps, req, reply, err);
      throw err;
    }
  });
}

/** The invitation's own rules for the new user's names and e-mail, then the password rules. */
function validate(values: AcceptValues, password: string, confirm: string): string[] {
  const errors = ruleProblems([
    () => email(values.userName, 'User name'),
    () => personName(values.firstName, INVITED_NAME_MAX, 'First name'),
    () => personName(values.lastName, INVITED_NAME_MAX, 'Last name'),
  ]);
  const problem = newPasswordProblem(password, confirm);
  if (problem) errors.push(problem);
  return errors;
}

async function notAcceptable(deps: WebDeps, req: FastifyRequest, reply: FastifyReply, err: InvitationNotAcceptable): Promise<FastifyReply> {
  const layout = layoutFor(req.viewer);
  switch (err.reason) {
    case 'expired':
      return errorPage(reply, 410, 'Invitation expired',
        'This invitation has expired (invitations are valid for 30 days). Ask the person who invited you to send a new one.', layout);
    case 'accepted':
      return errorPage(reply, 410, 'Invitation already accepted',
        'This invitation has already been accepted. Sign in with the user name chosen then.', layout);
    default:
      return errorPage(reply, 404, 'Invitation not found', 'This invitation link is not valid. Check that you copied the whole link.', layout);
  }
}

async function acceptForm(
  deps: WebDeps, req: FastifyRequest, reply: FastifyReply, invitation: UserInvitationRecord, secret: string,
  values: AcceptValues, errors: string[], status: number,
): Promise<FastifyReply> {
  const customer = await deps.store.getCustomer(invitation.customerId);
  const csrf = formToken(req, reply, deps.cookieSecurity);
  const scope = invitation.accountIds === null
    ? 'all accounts of the customer'
    : `${invitation.accountIds.length} account(s): ${invitation.accountIds.join(', ')}`;
  return sendPage(reply, status, { title: 'Accept invitation' }, html`${errorList(errors)}
<dl id="invitation">
  <dt>Customer</dt><dd id="invitation-customer">${customer?.name} (CustomerId ${invitation.customerId})</dd>
  <dt>Role</dt><dd id="invitation-role">${roleName(invitation.roleId)}, on ${scope}</dd>
  <dt>Invited e-mail address</dt><dd id="invitation-email">${invitation.email}</dd>
  <dt>Valid until</dt><dd>${invitation.expirationDate.toISOString()}</dd>
</dl>
<form method="post" action="/invitations/accept">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="token" value="${secret}">
  ${textField('userName', 'User name (e-mail; may differ from the invited address)', values.userName, { type: 'email', required: true, maxLength: EMAIL_MAX, autocomplete: 'username' })}
  ${textField('firstName', 'First name', values.firstName, { required: true, maxLength: INVITED_NAME_MAX, autocomplete: 'given-name' })}
  ${textField('lastName', 'Last name', values.lastName, { required: true, maxLength: INVITED_NAME_MAX, autocomplete: 'family-name' })}
  ${textField('password', 'Password (at least 8 characters)', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  ${textField('confirm', 'Confirm password', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  <button type="submit">Accept and sign in</button>
</form>`);
}

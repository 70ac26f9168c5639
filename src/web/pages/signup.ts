// Sign-up: a new customer with its first (Active) account and its Super Admin user, through the
// same createTenant as the demo tenant; then the new user is signed in and sees the account.
// Ticking "agency" makes the new customer an agency (setting up the hierarchy, README).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, newPasswordProblem } from '../../auth/passwords.js';
import type { Entity } from '../../contract/values.js';
import { ACCOUNT_NAME_MAX, accountName } from '../../domain/accounts/account-rules.js';
import { ruleProblems } from '../../domain/rule-problems.js';
import { CUSTOMER_NAME_MAX_LENGTH, customerName } from '../../domain/customers/customer-rules.js';
import { createTenant } from '../../domain/tenants/create-tenant.js';
import { email, EMAIL_MAX, INVITED_NAME_MAX, personName } from '../../domain/users/person-rules.js';
import { StoreConflict } from '../../store/store.js';
import { type WebDeps } from '../deps.js';
import { COUNTRIES, currencyChoices, CURRENCIES, isOfferedCountry, selectField, textField } from '../fields.js';
import type { CookieSecurity } from '../cookie-security.js';
import { formToken, hasValidFormToken } from '../form-token.js';
import { isSameOrigin, readForm, type Form } from '../forms.js';
import { html } from '../html.js';
import { errorList, redirect, refusedPost, sendPage } from '../respond.js';

const FIELDS = ['customerName', 'accountName', 'currency', 'country', 'firstName', 'lastName', 'email'] as const;
type SignUpValues = Record<(typeof FIELDS)[number], string> & { agency: boolean };
const TAKEN = 'A user with this e-mail address already exists. Sign in instead, or use another address.';

export function registerSignUp(app: FastifyInstance, deps: WebDeps): void {
  app.get('/signup', async (req, reply) => {
    if (req.viewer) return redirect(reply, '/accounts', 302);
    const empty: SignUpValues = { customerName: '', accountName: '', currency: 'USD', country: 'US', firstName: '', lastName: '', email: '', agency: false };
    return signUpForm(req, reply, deps.cookieSecurity, empty, [], 200);
  });

  app.post('/signup', async (req, reply) => {
    const form = readForm(req);
    if (!isSameOrigin(req) || !hasValidFormToken(req, form)) return refusedPost(reply);
    const values = { ...Object.fromEntries(FIELDS.map((f) => [f, (form.get(f) ?? '').trim()])), agency: form.get('agency') !== null } as SignUpValues;
    const errors = validate(values, form);
    if (errors.length === 0 && await deps.store.getUserByName(values.email)) errors.push(TAKEN);
    if (errors.length) return signUpForm(req, reply, deps.cookieSecurity, values, errors, 400);
    try {
      const tenant = await createTenant(deps.store, {
        customerName: values.customerName, accountName: values.accountName, userName: values.email, email: values.email,
        firstName: values.firstName, lastName: values.lastName, passwordHash: await hashPassword(form.get('password')!),
        currencyCode: values.currency, country: values.country, isAgency: values.agency,
      });
      await deps.sessions.issue(req, reply, tenant.user.id);
      return redirect(reply, `/accounts?cid=${tenant.customer.id}&aid=${tenant.account.id}`);
    } catch (err) {
      // Another sign-up took the name between the check and the insert.
      if (err instanceof StoreConflict && err.what === 'user_name') return signUpForm(req, reply, deps.cookieSecurity, values, [TAKEN], 400);
      throw err;
    }
  });
}

/** The API's own field rules where one exists (names, e-mail), so the web and the API agree. */
function validate(values: SignUpValues, form: Form): string[] {
  const errors = ruleProblems([
    () => customerName(values.customerName, 'Customer name'),
    () => accountName({ Name: values.accountName } as Entity<'AdvertiserAccount'>),
  ]);
  if (!CURRENCIES.includes(values.currency)) errors.push('Choose a currency from the list.');
  if (!isOfferedCountry(values.country)) errors.push('Choose a country from the list.');
  errors.push(...ruleProblems([
    () => personName(values.firstName, INVITED_NAME_MAX, 'First name'),
    () => personName(values.lastName, INVITED_NAME_MAX, 'Last name'),
    () => email(values.email, 'E-mail'),
  ]));
  const problem = newPasswordProblem(form.get('password') ?? '', form.get('confirm') ?? '');
  if (problem) errors.push(problem);
  // The domain's messages name API fields ("Account.Name"); on this form the field is "Account name".
  return errors.map((e) => e.replace(/^Account\.Name/, 'Account name'));
}

function signUpForm(req: FastifyRequest, reply: FastifyReply, security: CookieSecurity, v: SignUpValues, errors: string[], status: number): FastifyReply {
  const csrf = formToken(req, reply, security);
  return sendPage(reply, status, { title: 'Sign up' }, html`${errorList(errors)}
<p class="note">Creates a customer with its first account and you as its Super Admin. Your e-mail address is your user name.</p>
<form method="post" action="/signup">
  <input type="hidden" name="csrf" value="${csrf}">
  <fieldset><legend>Customer and first account</legend>
  ${textField('customerName', 'Customer (business) name', v.customerName, { required: true, maxLength: CUSTOMER_NAME_MAX_LENGTH })}
  ${textField('accountName', 'Account name', v.accountName, { required: true, maxLength: ACCOUNT_NAME_MAX })}
  ${selectField('currency', 'Currency', currencyChoices(), v.currency)}
  ${selectField('country', 'Country', COUNTRIES, v.country)}
  <label for="agency"><input id="agency" name="agency" type="checkbox" value="yes"${v.agency ? html` checked` : ''}> An agency (manages other customers' accounts through client links)</label>
  </fieldset>
  <fieldset><legend>You (Super Admin)</legend>
  ${textField('firstName', 'First name', v.firstName, { required: true, maxLength: INVITED_NAME_MAX, autocomplete: 'given-name' })}
  ${textField('lastName', 'Last name', v.lastName, { required: true, maxLength: INVITED_NAME_MAX, autocomplete: 'family-name' })}
  ${textField('email', 'E-mail (user name)', v.email, { type: 'email', required: true, maxLength: EMAIL_MAX, autocomplete: 'username' })}
  ${textField('password', 'Password (at least 8 characters)', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  ${textField('confirm', 'Confirm password', '', { type: 'password', required: true, autocomplete: 'new-password' })}
  </fieldset>
  <button type="submit">Sign up</button>
</form>
<p class="note">Already have a user? <a href="/signin">Sign in</a>.</p>`);
}

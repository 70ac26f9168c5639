// The accounts page. Its URL carries the customer id (`cid`) and the account id (`aid`) in the
// query string, as the getting-started guide tells users to read them off the web application;
// Microsoft's own shape /campaign/Campaigns.m?cid=…&aid=… leads here too. The list and the
// "Add account" form go through the API's domain functions (GetAccountsInfo, AddAccount), so the
// page shows exactly what the API would allow, and the API's errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Entity } from '../../contract/values.js';
import { ApiError } from '../../contract/api-error.js';
import { addAccount } from '../../domain/accounts/add-account.js';
import { ACCOUNT_NAME_MAX, customerPaymentMethod } from '../../domain/accounts/account-rules.js';
import { ADDRESS_MAX_LENGTH } from '../../domain/addresses.js';
import { getAccountsInfo } from '../../domain/accounts/get-accounts-info.js';
import { Context } from '../../domain/context.js';
import { canAddAccounts, roleName } from '../../domain/roles.js';
import type { UserRecord } from '../../store/records.js';
import { isTrustedPost, layoutFor, positiveId, queryParam, toSignIn, type WebDeps } from '../deps.js';
import type { Viewer } from '../viewer.js';
import { COUNTRIES, currencyChoices, selectField, textField } from '../fields.js';
import { readForm } from '../forms.js';
import { html, type Html } from '../html.js';
import { apiErrorStatus, describeApiError, errorList, errorPage, redirect, refusedPost, sendPage } from '../respond.js';

const NEW_ACCOUNT_FIELDS = ['name', 'currency', 'businessName', 'line1', 'city', 'stateOrProvince', 'postalCode', 'country'] as const;
type NewAccountValues = Record<(typeof NEW_ACCOUNT_FIELDS)[number], string>;

interface AddFormState {
  values: NewAccountValues;
  errors: string[];
}

export function registerAccounts(app: FastifyInstance, deps: WebDeps): void {
  app.get('/accounts', async (req, reply) => {
    const viewer = req.viewer;
    if (!viewer) return toSignIn(req, reply);
    const cidText = queryParam(req, 'cid');
    if (cidText === undefined) {
      const home = await homeUrl(deps, viewer.user);
      if (!home) return errorPage(reply, 403, 'No access', 'Your user has no role on any customer.', layoutFor(viewer));
      return redirect(reply, home, 302);
    }
    const cid = positiveId(cidText);
    const aidText = queryParam(req, 'aid');
    const aid = aidText === undefined ? null : positiveId(aidText);
    if (cid === null || (aidText !== undefined && aid === null)) {
      return errorPage(reply, 404, 'Not found', 'cid and aid must be numeric identifiers.', layoutFor(viewer));
    }
    return accountsPage(deps, req, reply, viewer, cid, aid, null);
  });

  // The web application's address in the getting-started guide: the same page.
  app.get('/campaign/Campaigns.m', async (req, reply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return redirect(reply, `/accounts${query}`, 302);
  });

  app.post('/accounts', async (req, reply) => {
    const viewer = req.viewer;
    const form = readForm(req);
    if (!viewer || !isTrustedPost(req, form, viewer)) return refusedPost(reply);
    const cid = positiveId(form.get('cid'));
    if (cid === null) return errorPage(reply, 400, 'Bad request', 'The customer id is missing.', layoutFor(viewer));
    const values = Object.fromEntries(NEW_ACCOUNT_FIELDS.map((f) => [f, (form.get(f) ?? '').trim()])) as NewAccountValues;
    const ctx = new Context(viewer.user, deps.store, deps.environment);
    try {
      const added = await addAccount(ctx, { Account: await accountFrom(deps, cid, values) });
      return redirect(reply, `/accounts?cid=${cid}&aid=${added.AccountId}&added=1`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Not allowed at all (a Viewer, another customer): the API's 106, on its own page.
      if (err.fault === 'UserIsNotAuthorized') {
        return errorPage(reply, 403, 'Not allowed', describeApiError(err).join(' '), layoutFor(viewer));
      }
      return accountsPage(deps, req, reply, viewer, cid, positiveId(form.get('aid')), { values, errors: describeApiError(err) }, apiErrorStatus(err));
    }
  });
}

/** The user's own customer (or the first they have a role on) and its first account they can reach. */
async function homeUrl(deps: WebDeps, user: UserRecord): Promise<string | null> {
  const ctx = new Context(user, deps.store, deps.environment);
  const access = await ctx.access();
  const cid = [user.customerId, ...access.roles.map((r) => r.customerId)].find((c) => access.touchesCustomer(c));
  if (cid === undefined) return null;
  const { AccountsInfo: accounts } = await getAccountsInfo(ctx, { CustomerId: cid, OnlyParentAccounts: true });
  const first = accounts?.[0];
  return `/accounts?cid=${cid}${first ? `&aid=${first.Id}` : ''}`;
}

/** The AddAccount request the form stands for. The customer's payment method makes the account Active. */
async function accountFrom(deps: WebDeps, cid: bigint, v: NewAccountValues): Promise<Entity<'AdvertiserAccount'>> {
  const paymentMethodId = await customerPaymentMethod(deps.store, cid);
  return {
    ParentCustomerId: cid,
    Name: v.name,
    // An unknown code reaches AddAccount as a missing one and gets its error.
    CurrencyCode: (v.currency || null) as Entity<'CurrencyCode'> | null,
    PaymentMethodId: paymentMethodId,
    BusinessAddress: {
      BusinessName: v.businessName, Line1: v.line1, City: v.city, StateOrProvince: v.stateOrProvince || null,
      PostalCode: v.postalCode || null, CountryCode: v.country,
    },
  };
}

async function accountsPage(
  deps: WebDeps, req: FastifyRequest, reply: FastifyReply, viewer: Viewer, cid: bigint, aid: bigint | null,
  addForm: AddFormState | null, status = 200,
): Promise<FastifyReply> {
  const ctx = new Context(viewer.user, deps.store, deps.environment);
  let accounts: Array<Entity<'AccountInfo'>>;
  try {
    accounts = (await getAccountsInfo(ctx, { CustomerId: cid, OnlyParentAccounts: true })).AccountsInfo ?? [];
  } catch (err) {
    if (err instanceof ApiError && err.fault === 'UserIsNotAuthorized') {
      return errorPage(reply, 403, 'Not allowed', `You cannot open customer ${cid}.`, layoutFor(viewer));
    }
    throw err;
  }
  if (aid !== null && !accounts.some((a) => a.Id === aid)) {
    return errorPage(reply, 403, 'Not allowed', `You cannot open account ${aid} of customer ${cid}.`, layoutFor(viewer));
  }
  const access = await ctx.access();
  const customer = await deps.store.getCustomer(cid);
  const current = accounts.find((a) => a.Id === aid);
  const others = [...new Set(access.roles.map((r) => r.customerId))].filter((c) => c !== cid);
  const added = queryParam(req, 'added') === '1' && current;
  const canAdd = canAddAccounts(access.directCustomerRole(cid));
  const defaults: NewAccountValues = {
    name: '', currency: 'USD', businessName: customer?.name ?? '', line1: '', city: '', stateOrProvince: '',
    postalCode: '', country: customer?.marketCountry ?? 'US',
  };
  const body = html`${added ? html`<p class="notice" role="status">Account ${current!.Name} added (Id ${current!.Id}, Number ${current!.Number}).</p>` : ''}
<p>Customer <strong id="customer-name">${customer?.name}</strong> · CustomerId <code id="customer-id">${cid}</code>
 · Number ${customer?.number} · your role: ${roleName(access.customerRole(cid) ?? access.roles.find((r) => r.customerId === cid)?.roleId)}</p>
${current ? html`<p class="note">For the API: <code>CustomerId</code> ${cid}, <code>CustomerAccountId</code> (account id) ${current.Id}.</p>` : ''}
<table id="accounts">
  <thead><tr><th>Id</th><th>Number</th><th>Name</th><th>Status</th></tr></thead>
  <tbody>${accounts.map((a) => html`<tr data-account-id="${a.Id}"${a.Id === aid ? html` class="current" aria-current="true"` : ''}>
    <td>${a.Id}</td><td>${a.Number}</td><td><a href="/accounts?cid=${cid}&amp;aid=${a.Id}">${a.Name}</a></td><td>${a.AccountLifeCycleStatus}</td></tr>`)}</tbody>
</table>
${accounts.length === 0 ? html`<p class="note">No accounts you can reach.</p>` : ''}
${others.length ? html`<p class="note">Other customers: ${others.map((c) => html` <a href="/accounts?cid=${c}">${c}</a>`)}</p>` : ''}
${canAdd ? addAccountForm(viewer, cid, aid, addForm ?? { values: defaults, errors: [] }) : ''}`;
  return sendPage(reply, status, { ...layoutFor(viewer), title: 'Accounts' }, body);
}

function addAccountForm(viewer: Viewer, cid: bigint, aid: bigint | null, state: AddFormState): Html {
  const v = state.values;
  return html`<h2>Add account</h2>
${errorList(state.errors)}
<form method="post" action="/accounts" id="add-account">
  <input type="hidden" name="csrf" value="${viewer.session.csrf}">
  <input type="hidden" name="cid" value="${cid}">
  ${aid !== null ? html`<input type="hidden" name="aid" value="${aid}">` : ''}
  ${textField('name', 'Account name', v.name, { required: true, maxLength: ACCOUNT_NAME_MAX })}
  ${selectField('currency', 'Currency', currencyChoices(), v.currency)}
  <fieldset><legend>Business address</legend>
  ${textField('businessName', 'Business name', v.businessName, { maxLength: ADDRESS_MAX_LENGTH.BusinessName })}
  ${textField('line1', 'Address line 1', v.line1, { maxLength: ADDRESS_MAX_LENGTH.Line1 })}
  ${textField('city', 'City', v.city, { maxLength: ADDRESS_MAX_LENGTH.City })}
  ${textField('stateOrProvince', 'State or province', v.stateOrProvince, { maxLength: ADDRESS_MAX_LENGTH.StateOrProvince })}
  ${textField('postalCode', 'Postal code', v.postalCode, { maxLength: ADDRESS_MAX_LENGTH.PostalCode })}
  ${selectField('country', 'Country', COUNTRIES, v.country)}
  </fieldset>
  <p class="note">The account is paid with the customer's payment method, so it starts Active.</p>
  <button type="submit">Add account</button>
</form>`;
}

// Fixtures and one-line callers for the user-management end-to-end tests: tenants and users are
// built through the server's own store (as the brief's harness allows), every operation is then
// called over HTTP, on the REST face and the SOAP face alike.
import { randomBytes } from 'node:crypto';
import { operationDef } from '../../src/contract/lookup.js';
import type { OperationName } from '../../src/contract/values.js';
import type { Tenant } from '../../src/domain/tenants/create-tenant.js';
import { encodeTimeStamp } from '../../src/domain/timestamps.js';
import type { AccountRecord, UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { faultCodes, rest, soap, type RestResult, type SoapResult } from '../support/clients.js';
import { SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../support/server.js';
import { createTestTenant, insertTestAccount, insertUserRecord, tokenFor as sandboxToken } from '../support/fixtures.js';

export const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/** A name no earlier run of the same store has used. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function tenant(store: Store, label: string): Promise<Tenant> {
  return createTestTenant(store, 'sandbox', label);
}

/** A user created in `customerId` holding `roleId` there (over some accounts, or the whole customer). */
export async function addUser(
  store: Store, customerId: bigint, roleId: number | null, accountIds: bigint[] | null = null, label = 'user',
): Promise<UserRecord> {
  // Phone1 is set because UpdateUser requires it: tests can send the user back as they got it.
  const user = await insertUserRecord(store, {
    customerId, userName: `${unique(label)}@example.com`, firstName: 'First', lastName: label,
    email: `${label}@example.com`, phone1: '555 0100', jobTitle: 'Tester',
  });
  if (roleId !== null) await store.putUserRole({ userId: user.id, customerId, roleId, accountIds });
  return user;
}

export function addAccount(store: Store, customerId: bigint, primaryUserId: bigint | null = null): Promise<AccountRecord> {
  return insertTestAccount(store, { customerId, paymentMethodId: null, primaryUserId }, { name: unique('Account') });
}

export function tokenFor(store: Store, userId: bigint): Promise<string> {
  return sandboxToken(store, 'sandbox', userId);
}

/** The TimeStamp of a user record as REST sends it (base64) and as SOAP does (same text). */
export function timeStampOf(user: UserRecord): string {
  return Buffer.from(encodeTimeStamp(user.version)).toString('base64');
}

export interface Faces {
  /** REST call at the operation's documented method and path. */
  rest(op: OperationName, body: unknown, token: string): Promise<RestResult>;
  /** SOAP call; `inner` is the request element's content (CM namespace default, prefix e: for entities). */
  soap(op: OperationName, inner: string, token: string): Promise<SoapResult>;
}

export function faces(server: RunningServer): Faces {
  return {
    rest: (op, body, token) => {
      const { method, path } = operationDef(op);
      return rest(server.url, method, path, body, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    },
    soap: (op, inner, token) => soap(server.soapUrl, op, inner, { token, developerToken: SANDBOX_DEVELOPER_TOKEN }),
  };
}

/** The codes of a REST fault, whichever shape carries them. */
export function restCodes(result: RestResult): number[] {
  const list = (result.body.OperationErrors ?? result.body.Errors ?? []) as Array<{ Code: number }>;
  return list.map((e) => e.Code);
}

export { faultCodes };

/** `<name><a:long>…</a:long>…</name>` (an ArrayOflong in SOAP). */
export function longs(name: string, ids: readonly bigint[]): string {
  return `<${name} xmlns:a="${ARRAYS}">${ids.map((id) => `<a:long>${id}</a:long>`).join('')}</${name}>`;
}

/** `<e:Predicate>` list for SOAP. */
export function predicates(list: ReadonlyArray<{ Field: string; Operator: string; Value: string }>): string {
  return `<Predicates>${list.map((p) => `<e:Predicate><e:Field>${p.Field}</e:Field><e:Operator>${p.Operator}</e:Operator>`
    + `<e:Value>${p.Value}</e:Value></e:Predicate>`).join('')}</Predicates>`;
}

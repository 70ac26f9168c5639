// The world the customer end-to-end tests start from: one real server; an agency customer A whose
// active customer link reaches the client customer C; a customer O nobody here reaches; an
// internal account manager M (designated as `adcenter user account-manager` does); and the calls,
// sent over REST and SOAP alike. `useCustomersWorld()` starts it before a file's tests and stops it after.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/contract/values.js';
import type { CustomerRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import type { RestResult, SoapResult } from './clients.js';
import { faces, type Faces } from './faces.js';
import { createTestTenant, insertClientLink, insertTestUser, type TestTenant, type TestUser } from './fixtures.js';
import { expectRestFault } from './rest-assert.js';
import { startServer, type RunningServer } from './server.js';
import { expectFault } from './soap-assert.js';

export const ROLES = { AdvertiserCampaignManager: 16, Aggregator: 33, SuperAdmin: 41, Viewer: 100, StandardUser: 203 } as const;

export interface BothFaces { rest: RestResult; soap: SoapResult }

export class CustomersWorld {
  server!: RunningServer;
  store!: Store;
  faces!: Faces;
  /** An agency customer (its Super Admin's token is A.token). */
  A!: TestTenant;
  /** A client customer, reached by A through an Active customer link. */
  C!: TestTenant;
  /** A customer out of everyone's reach here. */
  O!: TestTenant;
  /** An internal account manager (a user of their own customer M). */
  M!: TestTenant;

  #starting: Promise<void> | undefined;

  started(): Promise<void> {
    this.#starting ??= this.start();
    return this.#starting;
  }

  private async start(): Promise<void> {
    this.server = await startServer({ environment: 'sandbox' });
    this.store = await this.server.store();
    this.faces = faces(this.server);
    [this.A, this.C, this.O, this.M] = await Promise.all(['Agency', 'Client', 'Other', 'Manager'].map((l) => this.newTenant(l)));
    await this.store.markCustomerAgency(this.A.customer.id, this.A.user.id);
    await insertClientLink(this.store, { type: 'CustomerLink', clientEntityId: this.C.customer.id, managingCustomerId: this.A.customer.id });
    await this.store.setAccountManager(this.M.user.id, true);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  newTenant = (label: string): Promise<TestTenant> => createTestTenant(this.store, 'sandbox', label);

  /** A user created in the customer holding `roleId` over it (or over some of its accounts), with a token. */
  newUser = (customerId: bigint, roleId: number, accountIds: bigint[] | null = null): Promise<TestUser> =>
    insertTestUser(this.store, 'sandbox', { customerId, roleId, accountIds, label: `role${roleId}` });

  customer = async (id: bigint): Promise<CustomerRecord> => {
    const c = await this.store.getCustomer(id);
    assert.ok(c, `customer ${id} is stored`);
    return c;
  };

  /** The same request over REST (JSON body) and over SOAP (the request element's content). */
  both = async (op: OperationName, json: unknown, xml: string, token: string): Promise<BothFaces> => ({
    rest: await this.faces.rest(op, json, token),
    soap: await this.faces.soap(op, xml, token),
  });

  /** Both faces answer with this code: 106 as AdApiFaultDetail (REST 403), the rest as ApiFault (REST 400). */
  refused = async (op: OperationName, json: unknown, xml: string, token: string, code: number): Promise<BothFaces> => {
    const r = await this.both(op, json, xml, token);
    const kind = code === 106 ? 'AdApiFaultDetail' : 'ApiFault';
    expectRestFault(r.rest, code === 106 ? 403 : 400, kind, code);
    expectFault(r.soap, code, kind);
    return r;
  };
}

export { timeStampOf } from './faces.js';

export function useCustomersWorld(): CustomersWorld {
  const world = new CustomersWorld();
  before(() => world.started());
  after(() => world.stop());
  return world;
}

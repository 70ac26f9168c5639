// Which customers and accounts a user can reach: through their own roles (a whole customer or
// a list of its accounts) and, for roles over a whole agency customer, through that agency's
// active client links (a linked client account, or every account of a linked client customer).
import type { AccountRecord, ClientLinkRecord, UserRecord, UserRoleRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { activeLinksByManager } from './client-links/life-cycle.js';

export interface Scope {
  customerIds: bigint[];
  accountIds: bigint[];
}

export class Access {
  private constructor(
    readonly user: UserRecord,
    readonly roles: readonly UserRoleRecord[],
    readonly links: readonly ClientLinkRecord[],
  ) {}

  /** `now` decides which links are Active (an accepted link waits for its StartDate). */
  static async load(store: Store, user: UserRecord, now: Date = new Date()): Promise<Access> {
    const roles = await store.listUserRoles(user.id);
    const managers = roles.filter((r) => r.accountIds === null).map((r) => r.customerId);
    const links = await activeLinksByManager(store, managers, now);
    return new Access(user, roles, links);
  }

  /** The role held over the whole customer, directly (not through an agency). */
  directCustomerRole(customerId: bigint): number | undefined {
    return this.roles.find((r) => r.customerId === customerId && r.accountIds === null)?.roleId;
  }

  /** The role over a whole customer: direct, or through an agency's customer link. */
  customerRole(customerId: bigint): number | undefined {
    const direct = this.directCustomerRole(customerId);
    if (direct !== undefined) return direct;
    const link = this.links.find((l) => l.type === 'CustomerLink' && l.clientEntityId === customerId);
    return link ? this.directCustomerRole(link.managingCustomerId) : undefined;
  }

  /** The role that applies to one account, or undefined when the user cannot reach it. */
  accountRole(account: AccountRecord): number | undefined {
    const own = this.roles.find((r) => r.customerId === account.customerId
      && (r.accountIds === null || r.accountIds.includes(account.id)));
    if (own) return own.roleId;
    const viaCustomer = this.customerRole(account.customerId);
    if (viaCustomer !== undefined) return viaCustomer;
    const link = this.links.find((l) => l.type === 'AccountLink' && l.clientEntityId === account.id);
    return link ? this.directCustomerRole(link.managingCustomerId) : undefined;
  }

  /**
   * The role on an account as its owner sees it — the user's own roles, or a customer link to the
   * owning customer — leaving out what an agency reaches through an account link.
   */
  ownerSideAccountRole(account: AccountRecord): number | undefined {
    const own = this.roles.find((r) => r.customerId === account.customerId
      && (r.accountIds === null || r.accountIds.includes(account.id)));
    return own?.roleId ?? this.customerRole(account.customerId);
  }

  /**
   * How the whole customer is reached: null when directly (a role of the user's own), else the
   * CustomerLinkPermission of the agency's customer link; undefined when not at all.
   */
  customerLinkPermission(customerId: bigint): string | null | undefined {
    if (this.directCustomerRole(customerId) !== undefined) return null;
    const link = this.links.find((l) => l.type === 'CustomerLink' && l.clientEntityId === customerId
      && this.directCustomerRole(l.managingCustomerId) !== undefined);
    return link ? link.customerLinkPermission : undefined;
  }

  canReadAccount(account: AccountRecord): boolean {
    return this.accountRole(account) !== undefined;
  }

  /** Everything the user can reach: whole customers, and single accounts besides. */
  scope(): Scope {
    const customerIds = new Set<bigint>();
    const accountIds = new Set<bigint>();
    for (const role of this.roles) {
      if (role.accountIds === null) customerIds.add(role.customerId);
      else role.accountIds.forEach((id) => accountIds.add(id));
    }
    for (const link of this.links) {
      (link.type === 'CustomerLink' ? customerIds : accountIds).add(link.clientEntityId);
    }
    return { customerIds: [...customerIds], accountIds: [...accountIds] };
  }

  /** Whether the user has any footing in the customer (whole or some of its accounts). */
  touchesCustomer(customerId: bigint): boolean {
    return this.customerRole(customerId) !== undefined || this.roles.some((r) => r.customerId === customerId);
  }
}

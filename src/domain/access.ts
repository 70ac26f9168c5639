// Which customers and accounts a user can reach: through their own roles (a whole customer or
// a list of its accounts) and, for roles over a whole agency customer, through that agency's
// active client links (a linked client account, or every account of a linked client customer,
// and down a chain of customer links: "only 5 levels of depth are supported for manager account to
// manager account links"). A user may hold several roles on one customer (an Aggregator holds 33
// and 41); what they may do there is the union of those roles, i.e. the strongest of them.
import type { AccountRecord, ClientLinkRecord, UserRecord, UserRoleRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { strongestRole } from './roles.js';
import { activeLinksByManager } from './client-links/life-cycle.js';
import { MAX_CUSTOMER_LINK_DEPTH } from './client-links/link-depth.js';
import { currentTime } from '../contract/ambient.js';

/** What an access check reads of an account, so a narrow read (an AccountInfoRecord) can be checked. */
type AccountKey = Pick<AccountRecord, 'id' | 'customerId'>;

export interface Scope {
  customerIds: bigint[];
  accountIds: bigint[];
}

/** A customer the user reaches only through customer links, with the roles that carry over. */
export interface LinkedCustomer {
  customerId: bigint;
  /** The roles the user holds over the whole customer at the top of the chain. */
  roleIds: number[];
  /** The link into this customer ("the permission shown is that of the link into that customer"). */
  link: ClientLinkRecord;
}


export class Access {
  /** The links by client entity, each list in `links` order (per-account checks look one up, not scan all). */
  readonly #accountLinks = new Map<bigint, ClientLinkRecord[]>();
  readonly #customerLinks = new Map<bigint, ClientLinkRecord[]>();

  private constructor(
    readonly user: UserRecord,
    readonly roles: readonly UserRoleRecord[],
    readonly links: readonly ClientLinkRecord[],
    private readonly linked: ReadonlyMap<bigint, LinkedCustomer>,
  ) {
    for (const link of links) {
      const byClient = link.type === 'AccountLink' ? this.#accountLinks : this.#customerLinks;
      const list = byClient.get(link.clientEntityId);
      if (list) list.push(link); else byClient.set(link.clientEntityId, [link]);
    }
  }

  /** `now` decides which links are Active (an accepted link waits for its StartDate). */
  static async load(store: Store, user: UserRecord, now: Date = currentTime()): Promise<Access> {
    const roles = await store.listUserRoles(user.id);
    const wholeCustomer = roles.filter((r) => r.accountIds === null);
    // The roles each managing customer passes down its links: the user's own there, or inherited.
    const carried = new Map<bigint, number[]>();
    for (const r of wholeCustomer) carried.set(r.customerId, [...(carried.get(r.customerId) ?? []), r.roleId]);
    const links: ClientLinkRecord[] = [];
    const seen = new Set<bigint>();
    const linked = new Map<bigint, LinkedCustomer>();
    let managers = [...carried.keys()];
    for (let depth = 0; depth < MAX_CUSTOMER_LINK_DEPTH && managers.length > 0; depth++) {
      const found = await activeLinksByManager(store, managers, now);
      const next: bigint[] = [];
      for (const link of found) {
        // A set, not a scan of the links so far: an agency's thousands of links made this quadratic.
        if (seen.has(link.id)) continue;
        seen.add(link.id);
        links.push(link);
        const client = link.clientEntityId;
        if (link.type !== 'CustomerLink' || carried.has(client)) continue;
        const roleIds = carried.get(link.managingCustomerId) ?? [];
        carried.set(client, roleIds);
        linked.set(client, { customerId: client, roleIds, link });
        next.push(client);
      }
      managers = next;
    }
    return new Access(user, roles, links, linked);
  }

  /** Every role held over the whole customer, directly (not through an agency). */
  directCustomerRoles(customerId: bigint): number[] {
    return this.roles.filter((r) => r.customerId === customerId && r.accountIds === null).map((r) => r.roleId);
  }

  /** The role held over the whole customer, directly (the strongest, when several are held). */
  directCustomerRole(customerId: bigint): number | undefined {
    return strongestRole(this.directCustomerRoles(customerId));
  }

  /** The role over a whole customer: direct, or through a chain of agency customer links. */
  customerRole(customerId: bigint): number | undefined {
    return this.directCustomerRole(customerId) ?? strongestRole(this.linked.get(customerId)?.roleIds ?? []);
  }

  /** The customers reached only through customer links, in link order. */
  linkedCustomers(): LinkedCustomer[] {
    return [...this.linked.values()];
  }

  /** The user's own roles on the customer limited to some accounts. */
  accountRoles(customerId: bigint): UserRoleRecord[] {
    return this.roles.filter((r) => r.customerId === customerId && r.accountIds !== null);
  }

  /** The role that applies to one account, or undefined when the user cannot reach it. */
  accountRole(account: AccountKey): number | undefined {
    const own = strongestRole(this.roles.filter((r) => r.customerId === account.customerId
      && (r.accountIds === null || r.accountIds.includes(account.id))).map((r) => r.roleId));
    if (own !== undefined) return own;
    const viaCustomer = this.customerRole(account.customerId);
    if (viaCustomer !== undefined) return viaCustomer;
    const link = this.#accountLinks.get(account.id)?.[0];
    return link ? this.customerRole(link.managingCustomerId) : undefined;
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
    const link = this.#customerLinks.get(customerId)?.find((l) => this.directCustomerRole(l.managingCustomerId) !== undefined);
    return link ? link.customerLinkPermission : undefined;
  }

  canReadAccount(account: AccountKey): boolean {
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

// The whole store as a seed file (`adcenter export`), which `adcenter seed` reads back: Active
// customers with their payment methods, accounts and pilot switches; users that hold a role,
// with their password hash, roles, live developer tokens and access tokens (as hashes); client
// links other than SignupCustomer's aggregatee links; the pilot catalogue. References are
// numbers, which are unique. Left out: deleted customers and users, invitations, OAuth
// applications, grants and refresh tokens, the outbox, notifications, sessions.
import type { Environment } from '../../contract/environment.js';
import type { Store } from '../../store/store.js';
import { Role } from '../roles.js';
import type { PilotSwitches, RoleName, SeedAccount, SeedCustomer, SeedFile, SeedUser } from './seed-format.js';

const ROLE_NAMES = new Map<number, RoleName>(Object.entries(Role).map(([name, id]) => [id, name as RoleName]));

export async function exportSeed(store: Store, environment: Environment): Promise<SeedFile> {
  const dump = await store.dump();
  const customerNumber = new Map(dump.customers.map((c) => [c.id, c.number]));
  const accountNumber = new Map(dump.accounts.map((a) => [a.id, a.number]));
  const userName = new Map(dump.users.map((u) => [u.id, u.userName]));
  const switches = (scope: 'customer' | 'account', id: bigint): PilotSwitches | undefined => {
    const grants = dump.pilotGrants.filter((g) => g.scope === scope && g.entityId === id);
    if (grants.length === 0) return undefined;
    return { on: grants.filter((g) => g.enabled).map((g) => g.featureId), off: grants.filter((g) => !g.enabled).map((g) => g.featureId) };
  };

  const customers: SeedCustomer[] = dump.customers.filter((c) => c.lifeCycleStatus === 'Active').map((c) => {
    const accounts: SeedAccount[] = dump.accounts.filter((a) => a.customerId === c.id).map((a) => defined({
      name: a.name, number: a.number, currencyCode: a.currencyCode, status: a.lifeCycleStatus,
      primaryUser: a.primaryUserId === null ? undefined : userName.get(a.primaryUserId), pilotFeatures: switches('account', a.id),
    }));
    const paymentMethods = dump.paymentMethods.filter((p) => p.customerId === c.id).map((p) => p.type);
    return defined({
      name: c.name, number: c.number, agency: c.isAgency, marketCountry: c.marketCountry ?? undefined,
      paymentMethods: paymentMethods.length > 0 ? paymentMethods : undefined, pilotFeatures: switches('customer', c.id), accounts,
    });
  });

  const users: SeedUser[] = [];
  for (const u of dump.users) {
    const roles = dump.roles.filter((r) => r.userId === u.id && customerNumber.has(r.customerId));
    if (u.lifeCycleStatus === 'Deleted' || roles.length === 0) continue;
    const tokens = environment === 'sandbox';
    users.push(defined({
      userName: u.userName, email: u.contactInfo?.email ?? undefined, firstName: u.firstName ?? undefined, lastName: u.lastName ?? undefined,
      customer: customerNumber.get(u.customerId), passwordHash: u.passwordHash ?? undefined,
      roles: roles.map((r) => defined({
        customer: customerNumber.get(r.customerId)!, role: ROLE_NAMES.get(r.roleId) ?? r.roleId,
        accounts: r.accountIds?.map((id) => accountNumber.get(id)!).filter((n) => n !== undefined),
      })),
      developerTokens: tokens ? nonEmpty(dump.developerTokens.filter((t) => t.userId === u.id).map((t) => ({ tokenHash: t.tokenHash, hint: t.hint }))) : undefined,
      accessTokens: tokens ? nonEmpty(dump.accessTokens.filter((t) => t.userId === u.id).map((t) => ({
        tokenHash: t.tokenHash, expiresAt: t.expiresAt.toISOString(), scope: t.scope, clientId: t.clientId,
      }))) : undefined,
    }));
  }

  const clientLinks = dump.clientLinks.filter((l) => !l.aggregatee && customerNumber.has(l.managingCustomerId)).map((l) => defined({
    managingCustomer: customerNumber.get(l.managingCustomerId)!,
    clientAccount: l.type === 'AccountLink' ? accountNumber.get(l.clientEntityId) : undefined,
    clientCustomer: l.type === 'CustomerLink' ? customerNumber.get(l.clientEntityId) : undefined,
    status: l.status, name: l.name ?? undefined, note: l.note ?? undefined, isBillToClient: l.isBillToClient ?? undefined,
  }));

  return defined({
    version: 1 as const,
    pilotFeatures: nonEmpty(dump.pilotFeatures.map((f) => ({ id: f.id, name: f.name, level: f.level, countries: f.countries, defaultOn: f.defaultOn }))),
    customers, users, clientLinks,
  });
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length === 0 ? undefined : list;
}

/** The object without its undefined fields (the file leaves them out). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

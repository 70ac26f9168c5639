// Which pilots are on for a customer or an account: the catalogue's defaults for the entity's
// market (a customer's MarketCountry, an account's business-address country; no country: every
// default), plus the operator's switches for that entity, which win either way.
import type { PilotFeatureRecord, PilotGrantRecord, PilotLevel } from '../../store/pilot-records.js';
import type { Store } from '../../store/store.js';
import { mergeCatalogue } from './catalogue.js';

export async function catalogue(store: Store): Promise<PilotFeatureRecord[]> {
  return mergeCatalogue(await store.listPilotFeatures());
}

export function effectiveFlags(
  features: readonly PilotFeatureRecord[], grants: readonly PilotGrantRecord[], level: PilotLevel, country: string | null,
): number[] {
  const on = new Set<number>();
  for (const f of features) {
    if (f.level === level && f.defaultOn && (country === null || f.countries.includes(country))) on.add(f.id);
  }
  for (const g of grants) {
    if (g.enabled) on.add(g.featureId);
    else on.delete(g.featureId);
  }
  return [...on].sort((a, b) => a - b);
}

export async function customerFlags(store: Store, customerId: bigint, marketCountry: string | null): Promise<number[]> {
  const [features, grants] = await Promise.all([catalogue(store), store.listPilotGrants('customer', [customerId])]);
  return effectiveFlags(features, grants, 'customer', marketCountry?.toUpperCase() ?? null);
}

export async function accountFlags(store: Store, accountId: bigint, country: string | null): Promise<number[]> {
  const [features, grants] = await Promise.all([catalogue(store), store.listPilotGrants('account', [accountId])]);
  return effectiveFlags(features, grants, 'account', country?.toUpperCase() ?? null);
}

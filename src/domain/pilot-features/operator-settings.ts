// What the operator controls (through the CLI): catalogue entries, per-customer / per-account
// switches, and a JSON settings file doing both at once. Errors are plain Errors with a sentence
// for the operator; nothing here is reachable from the API.
import type { PilotFeatureRecord, PilotLevel } from '../../store/pilot-records.js';
import type { Store } from '../../store/store.js';
import { COUNTRY_CODES } from '../addresses/validate-address-countries.js';
import { catalogue } from './effective-flags.js';

const INT32_MAX = 2_147_483_647;

export function checkFeature(f: PilotFeatureRecord): PilotFeatureRecord {
  if (!Number.isInteger(f.id) || f.id <= 0 || f.id > INT32_MAX) throw new Error(`pilot id ${f.id} must be a positive 32-bit integer`);
  const name = f.name.trim();
  if (name === '') throw new Error(`pilot ${f.id} needs a name`);
  if (f.level !== 'customer' && f.level !== 'account') throw new Error(`pilot ${f.id}: level must be customer or account`);
  const countries = [...new Set(f.countries.map((c) => c.trim().toUpperCase()))];
  const unknown = countries.filter((c) => !COUNTRY_CODES.has(c));
  if (unknown.length > 0) throw new Error(`pilot ${f.id}: not ISO country codes: ${unknown.join(', ')}`);
  if (countries.length === 0) throw new Error(`pilot ${f.id} must be open in at least one country`);
  return { ...f, name, countries: countries.sort() };
}

export async function defineFeature(store: Store, feature: PilotFeatureRecord): Promise<PilotFeatureRecord> {
  const checked = checkFeature(feature);
  await store.putPilotFeature(checked);
  return checked;
}

/** Switches a pilot on (true), off (false) or back to its default (null) for a customer or an account. */
export async function switchFeature(
  store: Store, scope: PilotLevel, entityId: bigint, featureId: number, enabled: boolean | null, at: Date,
): Promise<void> {
  const feature = (await catalogue(store)).find((f) => f.id === featureId);
  if (!feature) throw new Error(`pilot ${featureId} is not in the catalogue (define it first)`);
  if (feature.level !== scope) throw new Error(`pilot ${featureId} (${feature.name}) is a ${feature.level}-level pilot, not ${scope}-level`);
  const exists = scope === 'customer' ? await store.getCustomer(entityId) : await store.getAccount(entityId);
  if (!exists) throw new Error(`no ${scope} ${entityId}`);
  if (enabled === null) await store.deletePilotGrant(scope, entityId, featureId);
  else await store.putPilotGrant({ scope, entityId, featureId, enabled, changedTime: at });
}

/**
 * The settings file (docs/behaviour.md "Pilot features"):
 * { "features": [{ "id", "name", "level", "countries", "defaultOn" }],
 *   "customers": { "<id>": { "on": [ids], "off": [ids] } }, "accounts": { … } }
 * Checked whole before anything is stored.
 */
export async function loadPilotSettings(store: Store, json: unknown, at: Date): Promise<{ features: number; switches: number }> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the settings file must hold a JSON object');
  const doc = json as Record<string, unknown>;
  const features = asArray(doc.features ?? [], 'features').map((f, i) => checkFeature(featureOf(f, i)));
  const switches: Array<[PilotLevel, bigint, number, boolean]> = [];
  for (const [key, scope] of [['customers', 'customer'], ['accounts', 'account']] as const) {
    const entries = doc[key] ?? {};
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new Error(`${key} must be an object of id → { on, off }`);
    for (const [id, sw] of Object.entries(entries as Record<string, unknown>)) {
      if (!/^\d+$/.test(id)) throw new Error(`${key}: ${id} is not an id`);
      const s = (sw ?? {}) as Record<string, unknown>;
      for (const f of asArray(s.on ?? [], `${key}.${id}.on`)) switches.push([scope, BigInt(id), intOf(f, `${key}.${id}.on`), true]);
      for (const f of asArray(s.off ?? [], `${key}.${id}.off`)) switches.push([scope, BigInt(id), intOf(f, `${key}.${id}.off`), false]);
    }
  }
  for (const f of features) await store.putPilotFeature(f);
  for (const [scope, id, featureId, enabled] of switches) await switchFeature(store, scope, id, featureId, enabled, at);
  return { features: features.length, switches: switches.length };
}

function asArray(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new Error(`${what} must be a list`);
  return v;
}

function intOf(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${what}: ${String(v)} is not a pilot id`);
  return v;
}

function featureOf(v: unknown, i: number): PilotFeatureRecord {
  const f = (v ?? {}) as Record<string, unknown>;
  const level = f.level ?? 'customer';
  if (level !== 'customer' && level !== 'account') throw new Error(`features[${i}].level must be customer or account`);
  return {
    id: intOf(f.id, `features[${i}].id`),
    name: typeof f.name === 'string' ? f.name : '',
    level,
    countries: asArray(f.countries ?? [], `features[${i}].countries`).map(String),
    defaultOn: f.defaultOn === true,
  };
}

// `adcenter pilot-features …`: the operator's control of pilot flags — list the catalogue and a
// customer's or account's flags, define pilots, switch them per customer or account, or load a
// JSON settings file (docs/behaviour.md "Pilot features").
import { readFile } from 'node:fs/promises';
import { catalogue, accountFlags, customerFlags } from '../domain/pilot-features/effective-flags.js';
import { defineFeature, loadPilotSettings, switchFeature } from '../domain/pilot-features/operator-settings.js';
import type { PilotLevel } from '../store/pilot-records.js';
import { withStore, type StoreOptions } from './store-options.js';

export interface PilotListOptions extends StoreOptions { customer?: string | undefined; account?: string | undefined }

export function listPilots(options: PilotListOptions): Promise<void> {
  return withStore(options, async (store) => {
    if (options.customer !== undefined) {
      const c = await store.getCustomer(BigInt(options.customer));
      if (!c) throw new Error(`no customer ${options.customer}`);
      process.stdout.write(`${(await customerFlags(store, c.id, c.marketCountry)).join(' ')}\n`);
      return;
    }
    if (options.account !== undefined) {
      const a = await store.getAccount(BigInt(options.account));
      if (!a) throw new Error(`no account ${options.account}`);
      process.stdout.write(`${(await accountFlags(store, a.id, a.businessAddress?.countryCode ?? null)).join(' ')}\n`);
      return;
    }
    for (const f of await catalogue(store)) {
      process.stdout.write(`${f.id}\t${f.level}\t${f.defaultOn ? 'default' : 'opt-in'}\t${f.countries.join(',')}\t${f.name}\n`);
    }
  });
}

export interface PilotDefineOptions extends StoreOptions {
  id: number; name: string; level?: string | undefined; countries: string; defaultOn?: boolean | undefined;
}

export function definePilot(options: PilotDefineOptions): Promise<void> {
  return withStore(options, async (store) => {
    const level = options.level ?? 'customer';
    if (level !== 'customer' && level !== 'account') throw new Error('--level must be customer or account');
    const f = await defineFeature(store, {
      id: options.id, name: options.name, level, countries: options.countries.split(','), defaultOn: options.defaultOn ?? false,
    });
    process.stderr.write(`Pilot ${f.id} "${f.name}" (${f.level}-level, ${f.defaultOn ? 'on by default' : 'opt-in'}) open in ${f.countries.join(', ')}.\n`);
  });
}

export interface PilotSwitchOptions extends StoreOptions { customer?: string | undefined; account?: string | undefined }

/** `on`, `off` or `reset` (back to the default) one pilot for one customer or account. */
export function switchPilot(state: 'on' | 'off' | 'reset', featureId: number, options: PilotSwitchOptions): Promise<void> {
  return withStore(options, async (store) => {
    if ((options.customer === undefined) === (options.account === undefined)) throw new Error('give --customer or --account');
    const scope: PilotLevel = options.customer !== undefined ? 'customer' : 'account';
    const id = BigInt((options.customer ?? options.account)!);
    await switchFeature(store, scope, id, featureId, state === 'reset' ? null : state === 'on', new Date());
    process.stderr.write(`Pilot ${featureId} ${state === 'reset' ? 'back to its default' : `switched ${state}`} for ${scope} ${id}.\n`);
  });
}

export function loadPilots(file: string, options: StoreOptions): Promise<void> {
  return withStore(options, async (store) => {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    const { features, switches } = await loadPilotSettings(store, json, new Date());
    process.stderr.write(`Loaded ${features} pilot definitions and ${switches} switches from ${file}.\n`);
  });
}

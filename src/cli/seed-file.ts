// `adcenter seed FILE`, `adcenter export` and `adcenter reset`, and the seed file's loading for
// `serve --seed`: a JSON or YAML file checked against schemas/seed.schema.json (errors name the
// place in the file as a JSON Pointer), applied by domain/seed.
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { hashPassword } from '../auth/passwords.js';
import { API_SCOPE } from '../auth/scopes.js';
import type { Environment } from '../contract/environment.js';
import { applySeed, type SeedSummary } from '../domain/seed/apply-seed.js';
import { exportSeed } from '../domain/seed/export-seed.js';
import type { SeedFile } from '../domain/seed/seed-format.js';
import type { Store } from '../store/store.js';
import { ensureDemoTenant } from './demo-tenant.js';
import { withStore, type StoreOptions } from './store-options.js';

/** The seed a reset returns to, kept in the store by `serve --seed` (and kept by the reset). */
export const SEED_META_KEY = 'seed_file';

const SCHEMA_URL = new URL('../../../schemas/seed.schema.json', import.meta.url);
let validator: ValidateFunction | undefined;

// ajv and yaml are loaded when a seed file is, so a server started without one does not pay for them.

/** Reads and checks a seed file; throws an Error naming the file and the place in it. */
export async function loadSeedFile(file: string): Promise<SeedFile> {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) { throw new Error(`seed file ${file}: ${(err as Error).message}`); }
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (err) {
    throw new Error(`seed file ${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  return await checkSeed(data, `seed file ${file}`);
}

/** Checks parsed seed data against the published JSON Schema. */
export async function checkSeed(data: unknown, what = 'seed'): Promise<SeedFile> {
  const { Ajv } = await import('ajv');
  // Formats (date-time) are checked where they are used; the schema states them for readers.
  validator ??= new Ajv({ allErrors: false, strict: false, validateFormats: false })
    .compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  if (validator(data ?? {})) return (data ?? {}) as SeedFile;
  const e = validator.errors![0]!;
  const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})`
    : e.keyword === 'enum' ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : '';
  throw new Error(`${what}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`);
}

export function seedOptions(environment: Environment): Parameters<typeof applySeed>[2] {
  return { environment, hashPassword, accessTokenScope: `${API_SCOPE[environment]} offline_access` };
}

export function summaryLine(s: SeedSummary): string {
  const parts = Object.entries(s).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length === 0 ? 'Seed applied: nothing to change.' : `Seed applied: created or changed ${parts.join(', ')}.`;
}

/**
 * Empties the store and applies its seed again — the given one, else the one kept in the store,
 * else the demo tenant (whose new password is among the returned lines).
 */
export async function resetStore(store: Store, environment: Environment, seed?: SeedFile | null): Promise<string[]> {
  const kept = await store.getMeta(SEED_META_KEY);
  const target = seed ?? (kept === null || kept === '' ? null : await checkSeed(JSON.parse(kept)));
  await store.wipe();
  if (target === null) return (await ensureDemoTenant(store, environment)) ?? [];
  return [summaryLine(await applySeed(store, target, seedOptions(environment)))];
}

export async function seedFromFile(file: string, options: StoreOptions): Promise<void> {
  const seed = await loadSeedFile(file);
  await withStore(options, async (store, environment) => {
    process.stdout.write(`${summaryLine(await applySeed(store, seed, seedOptions(environment)))}\n`);
  });
}

export async function exportStore(options: StoreOptions & { format?: string }): Promise<void> {
  await withStore(options, async (store, environment) => {
    const seed = await exportSeed(store, environment);
    process.stdout.write(options.format === 'yaml' ? (await import('yaml')).stringify(seed) : `${JSON.stringify(seed, null, 2)}\n`);
  });
}

export async function resetCommand(options: StoreOptions & { seed?: string }): Promise<void> {
  const seed = options.seed === undefined ? undefined : await loadSeedFile(options.seed);
  await withStore(options, async (store, environment) => {
    if (seed !== undefined) await store.setMeta(SEED_META_KEY, JSON.stringify(seed));
    const lines = await resetStore(store, environment, seed);
    process.stdout.write(`Store reset.\n${lines.join('\n')}\n`);
  });
}

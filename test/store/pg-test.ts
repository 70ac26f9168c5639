// The PostgreSQL test server for the store's schema tests: its URL, whether it answers, and
// throw-away schemas. Without a server the tests fail under CI and are skipped elsewhere.
import crypto from 'node:crypto';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { postgresProblem } from '../../tools/fuzz/server-process.js';

export const PG_URL = process.env.ADCENTER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function pgProblem(): Promise<string | null> {
  return postgresProblem(PG_URL);
}

/** Registers the failing (CI) or skipped test that stands in for a suite when PostgreSQL is away. */
export function reportPgAway(name: string, problem: string): void {
  const message = `PostgreSQL unreachable at ${PG_URL}: ${problem}`;
  if (process.env.CI) it(name, () => assert.fail(message));
  else it(name, { skip: `${message} (set CI to make this a failure)` }, () => {});
}

export function throwAwaySchemaName(tag: string): string {
  return `adcenter_${tag}_${crypto.randomBytes(6).toString('hex')}`;
}

/** A client whose search_path is `schema` (created if missing). */
export async function schemaClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  return client;
}

export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    // Names come from throwAwaySchemaName (hex digits); identifiers cannot be parameters.
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
}

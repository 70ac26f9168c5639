// Servers sharing one store, with the store opened beside them (to change or inspect what they
// serve): one SQLite server, or two servers on one PostgreSQL schema — for rules that must hold
// across processes (cache invalidation, concurrent writes).
import { startServer, type RunningServer } from './server.js';
import { dropSchemas, PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from '../store/pg-test.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

export interface ServersOnOneStore {
  servers: RunningServer[];
  store: Store;
  cleanUp(): Promise<void>;
}

/** One server on its own SQLite store; `store` is that store opened from this process too. */
export async function oneSqliteServer(): Promise<ServersOnOneStore> {
  const server = await startServer();
  return { servers: [server], store: await server.store(), cleanUp: () => server.stop() };
}

/**
 * Two servers on one SQLite file (WAL; a write transaction waits for the other's, busy_timeout).
 * One SQLite server alone cannot show a race between requests: its store answers synchronously,
 * so one request's check and write run without another request's in between.
 */
export async function twoSqliteServers(): Promise<ServersOnOneStore> {
  const first = await startServer();
  try {
    // The later --data wins: the second server opens the first one's store.
    const second = await startServer({ args: ['--data', first.dataDir] });
    return {
      servers: [first, second], store: await first.store(),
      cleanUp: async () => { await second.stop(); await first.stop(); },
    };
  } catch (err) {
    await first.stop();
    throw err;
  }
}

/**
 * Registers `rules` (a describe) on the SQLite world `sqlite.open` ("subject (SQLite, how)") and,
 * when PostgreSQL answers, on two servers sharing a throw-away schema named after `pgTag`;
 * otherwise reports PostgreSQL away.
 */
export async function onSharedStores(
  subject: string, rules: (label: string, open: () => Promise<ServersOnOneStore>) => void,
  sqlite: { how: string; open: () => Promise<ServersOnOneStore> }, pgTag: string,
): Promise<void> {
  rules(`${subject} (SQLite, ${sqlite.how})`, sqlite.open);
  const problem = await pgProblem();
  if (problem !== null) reportPgAway(`${subject} (PostgreSQL, two servers)`, problem);
  else rules(`${subject} (PostgreSQL, two servers on one schema)`, () => twoPostgresServers(pgTag));
}

/** Two servers on one throw-away PostgreSQL schema (named after `tag`), dropped by cleanUp. */
export async function twoPostgresServers(tag: string): Promise<ServersOnOneStore> {
  const schema = throwAwaySchemaName(tag);
  const args = ['--database-url', PG_URL, '--database-schema', schema];
  const servers: RunningServer[] = [];
  let store: Store;
  try {
    servers.push(await startServer({ args }));
    servers.push(await startServer({ args }));
    store = await openStore({ backend: 'postgres', url: PG_URL, schema });
  } catch (err) {
    for (const s of servers) await s.stop();
    throw err;
  }
  return {
    servers, store,
    cleanUp: async () => {
      await store.close();
      for (const s of servers) await s.stop();
      await dropSchemas([schema]);
    },
  };
}

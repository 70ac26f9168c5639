// adcenter inside a Node process, for test suites (as Azurite's in-process server and moto's
// decorators are used): `import { startAdcenter } from 'adcenter'` starts the same server as
// `adcenter serve` on a free port, with a store in memory unless told otherwise, and hands back
// its URLs, a ready access token for the demo Super Admin, and stop(). The package's entry point.
import type { FastifyInstance } from 'fastify';
import type { Environment } from '../contract/environment.js';
import { issueAccessToken } from '../auth/issue-tokens.js';
import { DEFAULT_ACCESS_TOKEN_SECONDS, UNIVERSAL_SANDBOX_DEVELOPER_TOKEN } from '../auth/scopes.js';
import { issueDeveloperToken } from '../domain/developer-tokens/issue-developer-token.js';
import { SOAP_PATH } from '../http/soap-face.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { ensureDemoTenant, userOrDemo } from './demo-tenant.js';
import { buildServer, DEFAULT_BODY_LIMIT } from './server.js';
import { bindEnvironment, openConfiguredStore } from './store-options.js';
import { checkSeed, loadSeedFile, resetStore, SEED_META_KEY, seedOptions } from './seed-file.js';
import { applySeed } from '../domain/seed/apply-seed.js';

/**
 * A seed: the path of a seed file (JSON or YAML) or the seed document itself.
 * With a seed, the store starts from it (the demo tenant is added beside it) and
 * POST /_adcenter/reset returns to it.
 */
export type SeedInput = string | Readonly<Record<string, unknown>>;

export interface AdcenterOptions {
  /** sandbox (default) or production; a kept store (data, databaseUrl) must already be of this environment, or be new. */
  environment?: Environment;
  /** A folder for a SQLite store kept after stop(); default: a store in memory, gone at stop(). */
  data?: string;
  /** A PostgreSQL URL instead of SQLite (kept after stop()). */
  databaseUrl?: string;
  /** The PostgreSQL schema (with databaseUrl). */
  databaseSchema?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Customers, users, accounts and tokens to start with (see `adcenter seed`). Not yet supported. */
  seed?: SeedInput;
  /** Lifetime of issued access tokens, in seconds (default 3600). */
  accessTokenLifetime?: number;
  /** Base URL of the links in sent messages; default: each request's origin. */
  publicUrl?: string;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
}

export interface RunningAdcenter {
  /** Base URL, e.g. http://127.0.0.1:41234 (REST: `${url}/CustomerManagement/v13/…`). */
  url: string;
  /** The SOAP endpoint (WSDL: `${soapUrl}?wsdl`). */
  soapUrl: string;
  environment: Environment;
  /** An OAuth access token for the demo Super Admin (valid for accessTokenLifetime). */
  token: string;
  /** A developer token that works here: the universal sandbox one, or the demo user's in production. */
  developerToken: string;
  /** The demo tenant: its Super Admin, customer and account. */
  demo: { userName: string; userId: string; customerId: string; accountId: string };
  /** A fresh access token for a user of the store (default: the demo Super Admin). */
  issueToken(userName?: string): Promise<string>;
  /** Stops the server and closes the store (an in-memory store is gone). */
  stop(): Promise<void>;
}

/** Starts an adcenter server in this process. */
export async function startAdcenter(options: AdcenterOptions = {}): Promise<RunningAdcenter> {
  const seed = options.seed === undefined ? null
    : typeof options.seed === 'string' ? await loadSeedFile(options.seed) : await checkSeed(options.seed, 'startAdcenter seed');
  const store = options.databaseUrl || options.data
    ? await openConfiguredStore({ data: options.data ?? '', databaseUrl: options.databaseUrl, databaseSchema: options.databaseSchema })
    : await openStore({ backend: 'sqlite', file: ':memory:' });
  let app: FastifyInstance | undefined;
  try {
    const environment = await bindEnvironment(store, options.environment);
    if (seed !== null) {
      await store.setMeta(SEED_META_KEY, JSON.stringify(seed));
      await applySeed(store, seed, seedOptions(environment));
    }
    // In process the demo tenant is always there (beside a seed), so `token` and `demo` always work.
    await ensureDemoTenant(store, environment);
    const reset = async (): Promise<string[]> => {
      const lines = await resetStore(store, environment, seed);
      if (seed !== null) await ensureDemoTenant(store, environment);
      return lines;
    };
    const lifetimeSeconds = options.accessTokenLifetime ?? DEFAULT_ACCESS_TOKEN_SECONDS;
    const demoUser = await userOrDemo(store, environment, undefined);
    const issueToken = async (userName?: string): Promise<string> => {
      const user = await userOrDemo(store, environment, userName);
      return (await issueAccessToken(store, environment, user.id, { lifetimeSeconds })).accessToken;
    };
    const developerToken = environment === 'sandbox' ? UNIVERSAL_SANDBOX_DEVELOPER_TOKEN : await issueDeveloperToken(store, demoUser.id);
    const [account] = await store.queryAccounts({ scope: { customerIds: [demoUser.customerId], accountIds: [] } });
    app = await buildServer({
      store, environment, reset, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, accessTokenLifetimeSeconds: lifetimeSeconds,
      publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    });
    const url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const running = app;
    let stopped: Promise<void> | undefined;
    return {
      url,
      soapUrl: `${url}${SOAP_PATH}`,
      environment,
      token: await issueToken(),
      developerToken,
      demo: { userName: demoUser.userName, userId: demoUser.id.toString(), customerId: demoUser.customerId.toString(), accountId: account?.id.toString() ?? '' },
      issueToken,
      stop() {
        stopped ??= (async () => { await running.close(); await store.close(); })();
        return stopped;
      },
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await closeQuietly(store);
    throw err;
  }
}

async function closeQuietly(store: Store): Promise<void> {
  await store.close().catch(() => {});
}

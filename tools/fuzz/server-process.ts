// A real `adcenter serve` in a child process, on SQLite (a data folder) or PostgreSQL (a schema),
// that can be killed (even with SIGKILL) and started again on the same store. Used by the fuzzer
// and the crash-safety test. The banner is accepted on stdout or stderr.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
export const SANDBOX_DEVELOPER_TOKEN = 'BBD37VB98';
export const DEFAULT_PG_URL = process.env.ADCENTER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where a server keeps its data; the same backend can serve several processes one after another. */
export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  /** The store options of `adcenter serve` / `adcenter token`. */
  readonly args: readonly string[];
  /** The store, opened by this process (SQLite: a second connection, WAL allows it). */
  openStore(): Promise<Store>;
  /** Removes the data folder or drops the schema. */
  dispose(): Promise<void>;
}

export function sqliteBackend(): Backend & { readonly dataDir: string; readonly file: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'adcenter-proc-'));
  const file = join(dataDir, 'adcenter.sqlite');
  return {
    kind: 'sqlite',
    dataDir,
    file,
    args: ['--data', dataDir],
    openStore: () => openStore({ backend: 'sqlite', file }),
    async dispose() { rmSync(dataDir, { recursive: true, force: true }); },
  };
}

export function postgresBackend(url = DEFAULT_PG_URL): Backend & { readonly url: string; readonly schema: string } {
  const schema = `adcenter_proc_${randomBytes(6).toString('hex')}`;
  return {
    kind: 'postgres',
    url,
    schema,
    // --data still names a folder: nothing is written there with a database URL.
    args: ['--database-url', url, '--database-schema', schema],
    openStore: () => openStore({ backend: 'postgres', url, schema }),
    async dispose() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); // hex name, not input
      } finally {
        await client.end();
      }
    },
  };
}

/** Whether a PostgreSQL server answers at `url` (null) or why not. */
export async function postgresProblem(url = DEFAULT_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ServerProcess {
  readonly url: string;
  readonly soapUrl: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything the process printed (both streams), for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** Servers still running, killed when this process exits however it exits (a fuzz run stopped with ^C). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function spawnServer(backend: Backend, extraArgs: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...backend.args, '--environment', 'sandbox',
    '--log-level', 'warn', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    url,
    soapUrl: `${url}/Api/CustomerManagement/v13/CustomerManagementService.svc`,
    child,
    exited,
    alive,
    output: () => out,
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive()) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `adcenter token` for the demo Super Admin (or `userName`) of the backend's store. */
export async function issueToken(backend: Backend, userName?: string): Promise<string> {
  const args = [CLI, 'token', ...backend.args, ...(userName ? ['--user', userName] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args);
  return stdout.trim().split('\n').at(-1)!;
}

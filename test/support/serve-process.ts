// `adcenter serve` processes for tests that need more than startServer() gives: PostgreSQL
// stores, several instances on one database, or a look at how a start-up ended. The banner may be
// on stdout or stderr; both are read.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { PG_URL } from '../store/pg-test.js';
import { CLI } from './server.js';

const run = promisify(execFile);

export interface ServeProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The listening URL, or the exit code when the process ended before it listened. */
  started: Promise<{ url: string } | { exitCode: number | null }>;
  stop(): Promise<void>;
}

/** Spawns `adcenter serve --port 0 <args>`; `started` settles when it listens or exits. */
export function spawnServe(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeProcess {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--log-level', 'warn', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  const started = new Promise<{ url: string } | { exitCode: number | null }>((resolve) => {
    const timer = setTimeout(() => resolve({ exitCode: null }), 60_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      // The banner is one write; wait a moment so that all of it has arrived.
      if (url) { clearTimeout(timer); setTimeout(() => resolve({ url }), 100); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); resolve({ exitCode: code }); });
  });
  return {
    child, started, output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}

export function pgArgs(schema: string): string[] {
  return ['--database-url', PG_URL, '--database-schema', schema];
}

export interface PgServer {
  url: string;
  soapUrl: string;
  banner: string;
  process: ServeProcess;
  stop(): Promise<void>;
}

/** A server on the PostgreSQL schema (created if missing); throws with its output if it does not start. */
export async function startPgServer(schema: string, args: readonly string[] = []): Promise<PgServer> {
  const proc = spawnServe([...pgArgs(schema), '--environment', 'sandbox', ...args]);
  const started = await proc.started;
  if (!('url' in started)) throw new Error(`server did not start (exit ${started.exitCode}):\n${proc.output()}`);
  return {
    url: started.url, soapUrl: `${started.url}/Api/CustomerManagement/v13/CustomerManagementService.svc`,
    banner: proc.output(), process: proc, stop: () => proc.stop(),
  };
}

/** `adcenter token` on the schema (default: the demo Super Admin); the last line of stdout. */
export async function pgToken(schema: string, userName?: string): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, 'token', ...pgArgs(schema), ...(userName ? ['--user', userName] : [])]);
  return stdout.trim().split('\n').at(-1)!;
}

export function openPgStore(schema: string): Promise<Store> {
  return openStore({ backend: 'postgres', url: PG_URL, schema });
}

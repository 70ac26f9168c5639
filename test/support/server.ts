// Starts the real `adcenter serve` in a child process on a free port with its own data folder,
// as a user would, and gives tests the URL, fresh credentials and direct access to its store.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

const run = promisify(execFile);
export const CLI = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
export const SANDBOX_DEVELOPER_TOKEN = 'BBD37VB98';

export interface RunningServer {
  url: string;
  soapUrl: string;
  dataDir: string;
  environment: 'sandbox' | 'production';
  /** What the server printed up to the moment it was ready: its banner (stderr, with the demo tenant), then any stdout. */
  banner: string;
  /** `adcenter token` for a user (default: the demo Super Admin). */
  token(userName?: string): Promise<string>;
  /** The server's own store, opened a second time (SQLite WAL allows it while the server runs). */
  store(): Promise<Store>;
  stop(): Promise<void>;
}

export async function startServer(options: { environment?: 'sandbox' | 'production'; args?: string[] } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'adcenter-test-'));
  const environment = options.environment ?? 'sandbox';
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, '--environment', environment,
    '--log-level', 'warn', ...(options.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const banner = await waitForBanner(child);
  const url = /listening on (http:\/\/\S+)/.exec(banner)![1]!;
  let store: Store | undefined;
  return {
    url,
    soapUrl: `${url}/Api/CustomerManagement/v13/CustomerManagementService.svc`,
    dataDir,
    environment,
    banner,
    async token(userName?: string) {
      const args = [CLI, 'token', '--data', dataDir, ...(userName ? ['--user', userName] : [])];
      const { stdout } = await run(process.execPath, args);
      return stdout.trim().split('\n').at(-1)!;
    },
    async store() {
      store ??= await openStore({ backend: 'sqlite', file: join(dataDir, 'adcenter.sqlite') });
      return store;
    },
    async stop() {
      await store?.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      // The banner goes to stderr in one write once the server listens.
      if (/listening on/.test(err) && err.endsWith('\n')) {
        clearTimeout(timer);
        setTimeout(() => resolve(`${err}${out}`), 50);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
  });
}

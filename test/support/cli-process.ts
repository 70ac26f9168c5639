// `adcenter serve` (or any adcenter command) as a child process with exactly the arguments and
// environment a test gives, for the tests of start-up itself: what it prints where, which
// variables it reads, how it fails. test/support/server.ts remains the way to get a server to talk to.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './server.js';

/** The environment without any ADCENTER_* or PORT/HOST/LOG_LEVEL variable of the test runner, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env)
    .filter(([key]) => !key.startsWith('ADCENTER_') && !['PORT', 'HOST', 'LOG_LEVEL'].includes(key)));
  return { ...base, ...env };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

/** Runs an adcenter command to its end (killed after `timeoutMs`: then code is null). */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Finished> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface Serving {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `adcenter serve …` and waits for its banner on stderr. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<Serving> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${stderr}\n${stdout}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m && stderr.endsWith('\n')) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${stderr}\n${stdout}`)); });
  });
  return {
    child, url,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

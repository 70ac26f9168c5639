// The fuzz run: seeded cases against a real `adcenter serve`, one at a time, each a mutated valid
// request of a random operation and face, each answer judged by the oracle; store fingerprints
// around every write the server refuses. Used by `npm run fuzz` (main.ts) and the short run in
// test/e2e/hardening/fuzz.test.ts.
import { fileURLToPath } from 'node:url';
import { operationDef, operationNames } from '../../src/contract/lookup.js';
import type { OperationName } from '../../src/contract/values.js';
import { fingerprinter, type Fingerprinter } from './fingerprint.js';
import { jsonBody, soapEnvelope, type World } from './grammar.js';
import { mutate, type Case, type Face } from './mutations.js';
import { faultCodes, isRestFault, isSoapFault, leaks } from './oracle.js';
import { Prng } from './prng.js';
import { validRequest } from './grammar.js';
import {
  issueToken, postgresBackend, spawnServer, sqliteBackend, SANDBOX_DEVELOPER_TOKEN, type Backend, type ServerProcess,
} from './server-process.js';

export const COLUMNS = {
  crashes: 'crashes (server process died)',
  hangs: 'hangs (no answer within 5 s)',
  bad5xx: '5xx that are not well-formed faults',
  internalErrors: 'InternalError (code 0) faults',
  ok200Invalid: '200 to input invalid by construction',
  leaks: 'stack traces or file paths in bodies',
  storeChanges: 'store changed by a refused write',
} as const;
export type Column = keyof typeof COLUMNS;

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** First case index (replays start anywhere). */
  from?: number;
  backend?: 'sqlite' | 'postgres';
  databaseUrl?: string;
  /** Only this mutation. */
  mutation?: string;
  /** Print every request and answer (for replaying one case). */
  verbose?: boolean;
  timeoutMs?: number;
  progress?: (done: number, report: FuzzReport) => void;
  /** Told of every finding as it happens. */
  onFinding?: (finding: Finding) => void;
}

export interface Finding {
  column: Column;
  index: number;
  operation: OperationName;
  face: Face;
  mutations: string[];
  status: number | string;
  excerpt: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  seconds: number;
  counts: Record<Column, number>;
  /** The first findings of each column, with what it takes to replay them. */
  findings: Finding[];
  /** Cases per mutation and how many were answered 2xx. */
  mutations: Record<string, { cases: number; ok: number }>;
  /** Requests whose connection closed without an answer while the server stayed up. */
  dropped: number;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
/** Operations that write: PUT and DELETE, and the POSTs that create or change something. */
const WRITES = new Set(operationNames.filter((op) => operationDef(op).method !== 'POST'
  || /^(Add|Signup|Map|Send|Dismiss|Upgrade)/.test(op)));

type Answer = { status: number; text: string } | { error: 'timeout' | 'network'; message: string };

async function send(server: ServerProcess, c: Case, body: Buffer, timeoutMs: number): Promise<Answer> {
  const { method, path } = operationDef(c.operation);
  const headers: Record<string, string> = {};
  let url: string;
  if (c.face === 'soap') {
    url = server.soapUrl;
    headers['Content-Type'] = 'text/xml; charset=utf-8';
    headers.SOAPAction = `"${c.soapAction ?? c.operation}"`;
  } else {
    url = `${server.url}${path}`;
    headers['Content-Type'] = 'application/json';
    if (c.token !== undefined) headers.Authorization = `Bearer ${c.token}`;
    if (c.developerToken !== undefined) headers.DeveloperToken = c.developerToken;
  }
  try {
    const res = await fetch(url, { method: c.face === 'soap' ? 'POST' : method, headers, body: new Uint8Array(body), signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const e = err as Error & { cause?: { message?: string } };
    const timeout = e.name === 'TimeoutError' || e.name === 'AbortError';
    return { error: timeout ? 'timeout' : 'network', message: `${e.message} ${e.cause?.message ?? ''}` };
  }
}

async function healthy(server: ServerProcess, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return true;
  } catch {
    return false;
  }
}

async function worldOf(server: ServerProcess, token: string): Promise<World> {
  const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, DeveloperToken: SANDBOX_DEVELOPER_TOKEN };
  const me = await (await fetch(`${server.url}${operationDef('GetUser').path}`, { method: 'POST', headers: auth, body: '{"UserId":null}' })).json() as { User: { Id: string; CustomerId: string } };
  const info = await (await fetch(`${server.url}${operationDef('GetAccountsInfo').path}`, {
    method: 'POST', headers: auth, body: JSON.stringify({ CustomerId: String(me.User.CustomerId), OnlyParentAccounts: false }),
  })).json() as { AccountsInfo: Array<{ Id: string }> };
  return { customerId: String(me.User.CustomerId), userId: String(me.User.Id), accountId: String(info.AccountsInfo[0]!.Id) };
}

function excerpt(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  const backend: Backend & { file?: string; url?: string; schema?: string } = options.backend === 'postgres'
    ? postgresBackend(options.databaseUrl) : sqliteBackend();
  let server = await spawnServer(backend);
  let fp: Fingerprinter | undefined;
  const report: FuzzReport = {
    seed: options.seed, cases: 0, seconds: 0,
    counts: Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, 0])) as Record<Column, number>,
    findings: [], mutations: {}, dropped: 0,
  };
  try {
    const token = await issueToken(backend);
    const world = await worldOf(server, token);
    fp = await fingerprinter(backend);
    const from = options.from ?? 0;
    const found = (f: Omit<Finding, 'excerpt'> & { text: string }): void => {
      report.counts[f.column]++;
      const finding: Finding = { column: f.column, index: f.index, operation: f.operation, face: f.face, mutations: f.mutations, status: f.status, excerpt: excerpt(f.text) };
      options.onFinding?.(finding);
      if (report.findings.filter((x) => x.column === f.column).length < 5) report.findings.push(finding);
    };
    const restart = async (): Promise<void> => {
      await server.kill9();
      server = await spawnServer(backend);
    };

    for (let index = from; index < from + options.cases; index++) {
      const rng = Prng.forCase(options.seed, index);
      const operation = rng.pick(operationNames);
      const face: Face = rng.chance(0.5) ? 'soap' : 'rest';
      const c: Case = {
        operation, face, request: validRequest(operation, world, rng), names: [], invalid: false,
        token, developerToken: SANDBOX_DEVELOPER_TOKEN,
      };
      mutate(c, rng, world, options.mutation);
      let body: Buffer = Buffer.from(face === 'soap'
        ? soapEnvelope(operation, c.request, { token: c.token, developerToken: c.developerToken }, c.wrapperNs)
        : jsonBody(c.request), 'utf8');
      if (c.bytes) body = c.bytes(body, rng);

      const write = WRITES.has(operation);
      const before = write ? await fp.digest() : undefined;
      const answer = await send(server, c, body, timeoutMs);
      const base = { index, operation, face, mutations: c.names };
      const stat = (report.mutations[c.names.join('+')] ??= { cases: 0, ok: 0 });
      stat.cases++;
      if (options.verbose) {
        console.log(`case ${index}: ${face} ${operation} [${c.names.join(', ')}] invalid=${c.invalid}\n--- request (${body.length} bytes)\n${excerpt(body.toString('utf8'))}`);
        console.log(`--- answer\n${'error' in answer ? `${answer.error}: ${answer.message}` : `${answer.status}\n${excerpt(answer.text)}`}`);
      }

      if ('error' in answer) {
        await new Promise((r) => setTimeout(r, 150));
        if (!server.alive()) {
          found({ ...base, column: 'crashes', status: answer.error, text: server.output().slice(-2000) });
          await restart();
        } else if (answer.error === 'timeout') {
          found({ ...base, column: 'hangs', status: 'timeout', text: answer.message });
          if (!(await healthy(server, timeoutMs))) await restart();
        } else {
          report.dropped++;
        }
      } else {
        const { status, text } = answer;
        if (status >= 200 && status < 300) stat.ok++;
        const fault = face === 'soap' ? isSoapFault(text) : isRestFault(text);
        if (status >= 500 && !fault) found({ ...base, column: 'bad5xx', status, text });
        if (fault && faultCodes(face, text).includes(0)) found({ ...base, column: 'internalErrors', status, text });
        if (c.invalid && status >= 200 && status < 300) found({ ...base, column: 'ok200Invalid', status, text });
        if (leaks(text, REPO_ROOT)) found({ ...base, column: 'leaks', status, text });
        if (write && (status < 200 || status >= 300) && (await fp.digest()) !== before) {
          found({ ...base, column: 'storeChanges', status, text });
        }
        if (!server.alive()) {
          found({ ...base, column: 'crashes', status, text: server.output().slice(-2000) });
          await restart();
        }
      }
      report.cases++;
      if (options.progress && report.cases % 1000 === 0) {
        report.seconds = (Date.now() - started) / 1000;
        options.progress(report.cases, report);
      }
    }
  } finally {
    report.seconds = (Date.now() - started) / 1000;
    await fp?.close();
    await server.stop();
    await backend.dispose();
  }
  return report;
}

/** The report as the table `npm run fuzz` prints. */
export function formatReport(r: FuzzReport): string {
  const lines = [`fuzz: ${r.cases} cases, seed ${r.seed}, ${r.seconds.toFixed(1)} s`, ''];
  const width = Math.max(...Object.values(COLUMNS).map((c) => c.length));
  for (const [key, label] of Object.entries(COLUMNS)) lines.push(`  ${label.padEnd(width)}  ${r.counts[key as Column]}`);
  lines.push(`  ${'(connections closed without an answer)'.padEnd(width)}  ${r.dropped}`);
  if (r.findings.length) {
    lines.push('', 'findings (replay one with: npm run fuzz -- --seed S --from I --cases 1 --verbose):');
    for (const f of r.findings) {
      lines.push(`  [${f.column}] case ${f.index}: ${f.face} ${f.operation} [${f.mutations.join(', ')}] → ${f.status}`, `    ${f.excerpt.replace(/\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}

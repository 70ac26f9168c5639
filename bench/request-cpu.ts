// Server CPU per request on a small store (the demo tenant): SOAP GetAccount, GetUser, FindAccounts
// and REST FindAccounts, against this build and optionally another one (`--before DIR`, a built
// checkout), with a node:http hello-world as the yardstick; interleaved rounds, servers on core 0.
//   node dist/bench/request-cpu.js [--before /path/to/other/checkout] [--duration 5] [--rounds 2] [--log-level info]
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { HELLO, start, type Started } from './processes.js';
import { SOAP_PATH } from './scenarios.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values: opts } = parseArgs({
  options: {
    before: { type: 'string' }, duration: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' }, 'log-level': { type: 'string', default: 'info' },
  },
});
const pinned = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
if (pinned) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
const core = pinned ? 0 : null;
const DEV = 'BBD37VB98';

interface Build { label: string; cli: string; server?: Started; dir: string; token?: string; accountId?: string }
const builds: Build[] = [{ label: 'this build', cli: join(root, 'dist', 'src', 'cli', 'main.js'), dir: mkdtempSync(join(tmpdir(), 'adcenter-cpu-')) }];
if (opts.before) builds.unshift({ label: 'before', cli: join(resolve(opts.before), 'dist', 'src', 'cli', 'main.js'), dir: mkdtempSync(join(tmpdir(), 'adcenter-cpu-')) });

function soap(op: string, inner: string, token: string): Request {
  return {
    method: 'POST', path: SOAP_PATH, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${op}"` },
    body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
      + `<s:Header xmlns="https://bingads.microsoft.com/Customer/v13"><AuthenticationToken>${token}</AuthenticationToken><DeveloperToken>${DEV}</DeveloperToken></s:Header>`
      + `<s:Body><${op}Request xmlns="https://bingads.microsoft.com/Customer/v13">${inner}</${op}Request></s:Body></s:Envelope>`,
  };
}

const hello = await start('hello', ['-e', HELLO], core);
try {
  for (const b of builds) {
    b.server = await start(b.label, [b.cli, 'serve', '--port', '0', '--data', b.dir, '--log-level', opts['log-level']!], core);
    b.token = (await promisify(execFile)(process.execPath, [b.cli, 'token', '--data', b.dir])).stdout.trim().split('\n').at(-1)!;
    b.accountId = '140000001'; // a fresh store's first account: the demo tenant's
  }
  const scenarios = (b: Build): Array<[string, Request]> => [
    ['SOAP GetAccount', soap('GetAccount', `<AccountId>${b.accountId}</AccountId>`, b.token!)],
    ['SOAP GetUser', soap('GetUser', '<UserId i:nil="true"/>', b.token!)],
    ['SOAP FindAccounts', soap('FindAccounts', '<CustomerId i:nil="true"/><AccountFilter>Demo</AccountFilter><TopN>10</TopN>', b.token!)],
    ['REST FindAccounts', {
      method: 'POST', path: '/CustomerManagement/v13/Accounts/Find', body: JSON.stringify({ CustomerId: null, AccountFilter: 'Demo', TopN: 10 }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${b.token!}`, developertoken: DEV },
    }],
  ];
  const results = new Map<string, number[]>();
  const measure = async (key: string, server: Started, request: Request): Promise<void> => {
    const before = server.cpuSeconds();
    const r = await autocannon({ url: server.url, connections: Number(opts.connections), duration: Number(opts.duration), requests: [request] });
    if (r.non2xx + r.errors > 0) throw new Error(`${key}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    results.set(key, [...(results.get(key) ?? []), ((server.cpuSeconds() - before) * 1000) / r.requests.total]);
  };
  for (let round = 0; round < Number(opts.rounds); round++) {
    await measure('hello', hello, { method: 'GET', path: '/' });
    for (const b of builds) for (const [name, request] of scenarios(b)) await measure(`${b.label}|${name}`, b.server!, request);
  }
  const mean = (xs: number[]): number => xs.reduce((a, c) => a + c, 0) / xs.length;
  const helloCpu = mean(results.get('hello')!);
  console.log(`server CPU per request, ms (log level ${opts['log-level']}; hello-world ${helloCpu.toFixed(3)} ms)`);
  console.log(`${'scenario'.padEnd(20)}${builds.map((b) => b.label.padStart(14)).join('')}${builds.length > 1 ? 'change'.padStart(10) : ''}`);
  for (const [name] of scenarios(builds[0]!)) {
    const values = builds.map((b) => mean(results.get(`${b.label}|${name}`)!));
    const change = values.length > 1 ? `${(((values[1]! - values[0]!) / values[0]!) * 100).toFixed(0)}%`.padStart(10) : '';
    console.log(`${name.padEnd(20)}${values.map((v) => `${v.toFixed(3)} (${(v / helloCpu).toFixed(1)}x)`.padStart(14)).join('')}${change}`);
  }
} finally {
  await hello.stop();
  for (const b of builds) {
    await b.server?.stop();
    rmSync(b.dir, { recursive: true, force: true });
  }
}

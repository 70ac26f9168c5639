// `npm run bench [-- --accounts N[,N2…] --duration S --warmup S --connections C --rounds R --backends sqlite,postgres]`
//
// In one run: a raw node:http hello-world server, the adcenter server on SQLite and on PostgreSQL
// (each over a store of N accounts in one customer, seeded once and reused from bench/.cache), and
// node-soap serving FindAccounts from the official WSDL over N accounts in memory, and the floor
// (bench/floor-peer.ts: the same FindAccounts from the same SQLite file with nothing but a parse,
// one best-plan statement and the reply; only when SQLite is measured). With two or more
// cores the servers run on core 0 and this process (the autocannon load) on core 1. Rounds are
// interleaved (every scenario once per round) so drift in the machine's speed hits all alike.
// Prints per scenario req/s, p50/p99, errors, server CPU per request, peak RSS and the ratios to
// hello, to node-soap and to the floor, and writes the same to bench/results/<time>.json. Given several store
// sizes (`--accounts 10000,1000000`), every adcenter scenario runs on each, and a last table
// compares the read scenarios' latency and CPU per request at the smallest and the largest size.
import { execFile, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchStore, type Backend, type BenchStore } from './bench-store.js';
import { HELLO, start, type Started } from './processes.js';
import { adcenterScenarios, FLOOR_SCENARIOS, HELLO_SCENARIO, PEER_SCENARIOS, type Scenario } from './scenarios.js';
import { openStore } from '../src/store/open.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const { values: opts } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '2' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    cache: { type: 'string', default: join(root, 'bench', '.cache') },
    'pg-url': { type: 'string', default: process.env.ADCENTER_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    wsdl: { type: 'string', default: resolve(root, '..', 'shared', 'reference', 'wsdl', 'CustomerManagementService.v13.production.wsdl') },
  },
});
const sizes = opts.accounts!.split(',').map(Number).sort((a, b) => a - b);
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error('--accounts: positive whole numbers, comma-separated');
/** The largest size: node-soap holds that many accounts in memory. */
const accounts = sizes[sizes.length - 1]!;
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
const connections = Number(opts.connections);
const rounds = Number(opts.rounds);
const backends = opts.backends!.split(',').filter((b): b is Backend => b === 'sqlite' || b === 'postgres');

// Pinning: this process moves itself to core 1, the servers start on core 0.
const pinned = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
if (pinned) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
const serverCore = pinned ? 0 : null;

interface Sample { rps: number; p50: number; p99: number; errors: number; requests: number; cpuMsPerRequest: number; stored: number }
interface Row {
  scenario: string; target: string; rps: number; p50: number; p99: number; errors: number;
  cpuMsPerRequest: number; peakRssMiB: number; xHello: number; xNodeSoap: number | null; xFloor: number | null; stored?: { sent: number; stored: number };
}

/**
 * Waits until the server has worked off what the last scenario left queued (a server that blocks
 * on slow calls still owes answers when autocannon stops), so the next scenario starts clean:
 * until a GET answers within 50 ms, for at most `limitSeconds`. The CPU spent meanwhile counts.
 */
async function drain(server: Started, limitSeconds = 120): Promise<void> {
  const until = Date.now() + limitSeconds * 1000;
  while (Date.now() < until) {
    const started = Date.now();
    try {
      await fetch(`${server.url}/`, { signal: AbortSignal.timeout(limitSeconds * 1000) });
    } catch {
      return;
    }
    if (Date.now() - started < 50) return;
  }
}

async function measure(server: Started, scenario: Scenario, store?: BenchStore): Promise<Sample> {
  // Unmeasured first: the server's JIT, statement caches and page cache warm on this request shape,
  // as they would be in a long-running server; the measured run starts with nothing queued.
  if (warmup > 0) {
    await autocannon({ url: server.url, connections, duration: warmup, timeout: 10, requests: [scenario.request] });
    await drain(server);
  }
  // Writes: what the measured run stored is the count after it less the count before (the warm-up
  // and earlier rounds add accounts with the same name prefix).
  const writes = scenario.addsAccounts !== undefined && store !== undefined;
  const storedBefore = writes ? await countStored(store, scenario.addsAccounts!) : 0;
  const cpuBefore = server.cpuSeconds();
  const r = await autocannon({ url: server.url, connections, duration, timeout: 10, requests: [scenario.request] });
  await drain(server);
  const cpu = server.cpuSeconds() - cpuBefore;
  const requests = r.requests.total;
  // Every request sent was answered by the end of the drain: the CPU is spread over all of them.
  const served = Math.max(r.requests.sent, requests);
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts, requests,
    cpuMsPerRequest: served > 0 ? (cpu * 1000) / served : 0,
    stored: writes ? (await countStored(store, scenario.addsAccounts!)) - storedBefore : 0,
  };
}

async function countStored(store: BenchStore, namePrefix: string): Promise<number> {
  const opened = await openStore(store.open);
  try {
    const customerId = BigInt(store.customerId);
    // The names are unique and start with the prefix: a filtered query finds exactly them.
    const found = await opened.queryAccounts({
      scope: { customerIds: [customerId], accountIds: [] }, customerId, prefix: { value: namePrefix, on: 'nameOrNumber' }, limit: 10_000_000,
    });
    return found.filter((a) => a.name.startsWith(namePrefix)).length;
  } finally {
    await opened.close();
  }
}

const stores: BenchStore[] = [];
for (const size of sizes) {
  for (const backend of backends) stores.push(await benchStore(backend, size, opts.cache!, opts['pg-url']!));
}
const sizeLabel = (n: number): string => (sizes.length === 1 ? '' : ` [${n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : n}]`);

const servers: Started[] = [];
try {
  const hello = await start('hello', ['-e', HELLO], serverCore);
  servers.push(hello);
  const peer = await start('node-soap', [join(root, 'dist', 'bench', 'soap-peer.js'), opts.wsdl!, String(accounts)], serverCore);
  servers.push(peer);
  const plan: Array<{ server: Started; scenario: Scenario; store?: BenchStore }> = [
    { server: hello, scenario: HELLO_SCENARIO }, ...PEER_SCENARIOS.map((scenario) => ({ server: peer, scenario })),
  ];
  // The floor over the largest SQLite store (the same file adcenter reads).
  const floorStore = stores.filter((s) => s.backend === 'sqlite').at(-1);
  if (floorStore !== undefined && floorStore.open.backend === 'sqlite') {
    const floor = await start('floor', [join(root, 'dist', 'bench', 'floor-peer.js'), floorStore.open.file, floorStore.customerId], serverCore);
    servers.push(floor);
    plan.push(...FLOOR_SCENARIOS.map((scenario) => ({ server: floor, scenario })));
  }
  for (const store of stores) {
    const server = await start(`adcenter-${store.backend}`, [cli, 'serve', '--port', '0', '--log-level', 'warn', ...store.args], serverCore);
    servers.push(server);
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'token', ...store.args, '--user', store.userName]);
    const token = stdout.trim().split('\n').at(-1)!;
    for (const scenario of adcenterScenarios(store, token, sizeLabel(store.accounts))) plan.push({ server, scenario, store });
  }

  const samples = new Map<string, Sample[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const { server, scenario, store } of plan) {
      process.stderr.write(`round ${round}/${rounds}: ${scenario.name}…\n`);
      const sample = await measure(server, scenario, store);
      samples.set(scenario.name, [...(samples.get(scenario.name) ?? []), sample]);
    }
  }

  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const helloRps = mean(samples.get(HELLO_SCENARIO.name)!.map((s) => s.rps));
  const rows: Row[] = [];
  for (const { server, scenario, store } of plan) {
    const list = samples.get(scenario.name)!;
    const rps = mean(list.map((s) => s.rps));
    const peerRps = scenario.peer ? mean(samples.get(scenario.peer)!.map((s) => s.rps)) : null;
    // Compared with the floor only at the floor's own size (the largest SQLite store).
    const floorSamples = scenario.floor !== undefined && store?.accounts === floorStore?.accounts ? samples.get(scenario.floor) : undefined;
    const floorRps = floorSamples === undefined ? null : mean(floorSamples.map((s) => s.rps));
    const row: Row = {
      scenario: scenario.name, target: server.name, rps, p50: mean(list.map((s) => s.p50)), p99: Math.max(...list.map((s) => s.p99)),
      errors: list.reduce((a, s) => a + s.errors, 0), cpuMsPerRequest: mean(list.map((s) => s.cpuMsPerRequest)),
      peakRssMiB: server.peakRssMiB(), xHello: rps / helloRps, xNodeSoap: peerRps === null ? null : rps / peerRps,
      xFloor: floorRps === null ? null : rps / floorRps,
    };
    if (scenario.addsAccounts !== undefined && store) {
      const acknowledged = list.reduce((a, s) => a + s.requests, 0) - row.errors;
      row.stored = { sent: acknowledged, stored: list.reduce((a, s) => a + s.stored, 0) };
    }
    rows.push(row);
  }

  const header = `${sizes.map((n) => n.toLocaleString('en-US')).join(' and ')} accounts in one customer; ${rounds} interleaved round(s) of ${duration} s (after ${warmup} s unmeasured), `
    + `${connections} connections; ${pinned ? 'servers on core 0, load on core 1' : 'not pinned'}`;
  const lines = [header, '',
    `${'scenario'.padEnd(56)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}`
    + `${'CPU ms/req'.padStart(11)}${'peak RSS MiB'.padStart(13)}${'x hello'.padStart(9)}${'x node-soap'.padStart(12)}${'x floor'.padStart(9)}`];
  for (const r of rows) {
    lines.push(`${r.scenario.padEnd(56)}${r.rps.toFixed(0).padStart(9)}${r.p50.toFixed(1).padStart(8)}${r.p99.toFixed(1).padStart(8)}`
      + `${String(r.errors).padStart(8)}${r.cpuMsPerRequest.toFixed(3).padStart(11)}${r.peakRssMiB.toFixed(0).padStart(13)}`
      + `${r.xHello.toFixed(3).padStart(9)}${(r.xNodeSoap === null ? '-' : r.xNodeSoap.toFixed(2)).padStart(12)}`
      + `${(r.xFloor === null ? '-' : r.xFloor.toFixed(2)).padStart(9)}`
      + (r.stored ? `   acknowledged ${r.stored.sent}, stored ${r.stored.stored}` : ''));
  }
  const scale = scaleRows(rows);
  if (scale.length > 0) {
    lines.push('', `Reads at ${sizeLabel(sizes[0]!).trim()} and ${sizeLabel(accounts).trim()} accounts (large ÷ small; the issue asks for 1.00 ± 0.20)`,
      `${'scenario'.padEnd(56)}${'p50 ms'.padStart(14)}${'CPU ms/req'.padStart(18)}${'p50 x'.padStart(8)}${'CPU x'.padStart(8)}`);
    for (const r of scale) {
      lines.push(`${r.scenario.padEnd(56)}${`${r.small.p50.toFixed(1)} → ${r.large.p50.toFixed(1)}`.padStart(14)}`
        + `${`${r.small.cpu.toFixed(3)} → ${r.large.cpu.toFixed(3)}`.padStart(18)}${(r.large.p50 / r.small.p50).toFixed(2).padStart(8)}`
        + `${(r.large.cpu / r.small.cpu).toFixed(2).padStart(8)}`);
    }
  }
  for (const s of stores) {
    lines.push(`${s.backend} ${s.accounts.toLocaleString('en-US')}: store ${s.reused ? 'reused from the cache' : `seeded in ${s.seedSeconds?.toFixed(1)} s`}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({
    when: new Date().toISOString(), accounts: sizes, duration, warmup, connections, rounds, pinned, node: process.version,
    stores: stores.map(({ backend, accounts: n, reused, seedSeconds }) => ({ backend, accounts: n, reused, seedSeconds })), results: rows, scale,
  }, null, 2));
  process.stdout.write(`\nwritten to ${file}\n`);
} finally {
  for (const s of servers) await s.stop();
}

/** The read scenarios run at the smallest and the largest size, side by side. */
function scaleRows(rows: Row[]): Array<{ scenario: string; small: { p50: number; cpu: number }; large: { p50: number; cpu: number } }> {
  if (sizes.length < 2) return [];
  const small = sizeLabel(sizes[0]!);
  const large = sizeLabel(accounts);
  const out = [];
  for (const r of rows) {
    if (!r.scenario.endsWith(large) || r.stored !== undefined) continue;
    const base = r.scenario.slice(0, -large.length);
    const s = rows.find((x) => x.scenario === `${base}${small}`);
    if (s) out.push({ scenario: base, small: { p50: s.p50, cpu: s.cpuMsPerRequest }, large: { p50: r.p50, cpu: r.cpuMsPerRequest } });
  }
  return out;
}

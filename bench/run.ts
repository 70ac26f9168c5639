// Throughput of the API faces, as ratios against a raw node:http server measured in the same run
// (absolute numbers swing ±25% between runs on these machines). Both servers run in child
// processes, the load in this one. `npm run bench` (BENCH_SECONDS, BENCH_CONNECTIONS to tune).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const DEV = 'BBD37VB98';

const BASELINE = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => {
  s.writeHead(200, { 'content-type': 'application/json' }); s.end('{"hello":"world"}'); }); })
  .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    // The baseline prints its address on stdout, adcenter its banner on stderr (shown as it comes).
    const read = (d: Buffer): void => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (d: Buffer) => { process.stderr.write(d); read(d); });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function measure(name: string, options: Parameters<typeof autocannon>[0]): Promise<{ name: string; rps: number; p99: number; failed: number }> {
  const r = await autocannon({ connections, duration: seconds, ...options });
  return { name, rps: r.requests.average, p99: r.latency.p99, failed: r.non2xx + r.errors };
}

const dataDir = mkdtempSync(join(tmpdir(), 'adcenter-bench-'));
const baseline = await start(['-e', BASELINE]);
const server = await start([cli, 'serve', '--port', '0', '--data', dataDir, '--log-level', 'warn']);
try {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'token', '--data', dataDir]);
  const token = stdout.trim().split('\n').at(-1)!;
  const json = { 'content-type': 'application/json', authorization: `Bearer ${token}`, developertoken: DEV };
  const soapBody = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">`
    + `<s:Header xmlns="https://bingads.microsoft.com/Customer/v13"><AuthenticationToken>${token}</AuthenticationToken><DeveloperToken>${DEV}</DeveloperToken></s:Header>`
    + `<s:Body><FindAccountsRequest xmlns="https://bingads.microsoft.com/Customer/v13"><CustomerId i:nil="true"/><AccountFilter>Demo</AccountFilter><TopN>100</TopN></FindAccountsRequest></s:Body></s:Envelope>`;

  const results = [
    await measure('node:http hello-world (baseline)', { url: baseline.url }),
    await measure('GET /health', { url: `${server.url}/health` }),
    await measure('REST FindAccounts', {
      url: `${server.url}/CustomerManagement/v13/Accounts/Find`, method: 'POST', headers: json,
      body: JSON.stringify({ CustomerId: null, AccountFilter: 'Demo', TopN: 100 }),
    }),
    await measure('SOAP FindAccounts', {
      url: `${server.url}/Api/CustomerManagement/v13/CustomerManagementService.svc`, method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"FindAccounts"' }, body: soapBody,
    }),
  ];
  const base = results[0]!.rps;
  console.log(`\n${seconds} s each, ${connections} connections\n`);
  console.log('scenario'.padEnd(36), 'req/s'.padStart(10), 'x baseline'.padStart(11), 'p99 ms'.padStart(8), 'failed'.padStart(7));
  for (const r of results) {
    console.log(r.name.padEnd(36), r.rps.toFixed(0).padStart(10), (r.rps / base).toFixed(2).padStart(11), String(r.p99).padStart(8), String(r.failed).padStart(7));
  }
} finally {
  baseline.child.kill();
  server.child.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

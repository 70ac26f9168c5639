// The floor: the least a FindAccounts answered from the same SQLite file can cost on this machine.
// A bare node:http server that reads the request, parses it with the parsers adcenter uses (saxes
// for SOAP, JSON.parse for REST), runs one prepared statement with the best plan there is (the
// page's ids from the covering name index, LIMIT inside, then five columns by primary key) and
// writes the reply adcenter would write. It does nothing else: no authentication, no access scope,
// no validation, no number half of the name-or-number search, no tracking, no logging. No server
// that keeps its data in SQLite and answers each call from it can be cheaper, so adcenter's ratio
// to it says how much of the cost is adcenter's own, and its ratio to hello says what the machine
// allows (docs/performance.md, "The floor"). Started by run.ts as its own process:
//   node dist/bench/floor-peer.js SQLITE_FILE CUSTOMER_ID
// Prints "listening on http://…" when ready.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SaxesParser } from 'saxes';
import { prefixRange } from '../src/store/sql/areas/account-query.js';

const [file, customer] = process.argv.slice(2);
const customerId = BigInt(customer!);
const db = new Database(file!, { readonly: true });
db.pragma('cache_size = -65536'); // adcenter's server cache (64 MiB)
const find = db.prepare(
  'SELECT a.id, a.name, a.number, a.life_cycle_status, a.pause_reason FROM (SELECT id, name_folded FROM accounts INDEXED BY accounts_customer_name '
  + 'WHERE customer_id = ? AND name_folded >= ? AND name_folded < ? ORDER BY name_folded, id LIMIT CAST(? AS INTEGER)) p '
  + 'CROSS JOIN accounts a WHERE a.id = p.id ORDER BY p.name_folded, p.id',
).safeIntegers(true).raw(true);

type Info = [bigint, string, string, string, string | null];
function accounts(filter: string, topN: number): Info[] {
  const { from, to } = prefixRange(filter);
  return find.all(customerId, from, to ?? '\u{10FFFF}', BigInt(topN)) as Info[];
}

const escape = (s: string): string => s.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
const SOAP_HEAD = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><TrackingId xmlns="https://bingads.microsoft.com/Customer/v13">';
const SOAP_BODY = '</TrackingId></s:Header><s:Body><FindAccountsResponse xmlns="https://bingads.microsoft.com/Customer/v13" '
  + 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities"><AccountsInfo>';
const SOAP_TAIL = '</AccountsInfo></FindAccountsResponse></s:Body></s:Envelope>';

// The request's AccountFilter and TopN, read with saxes as adcenter reads an envelope (namespaces on).
const parser = new SaxesParser({ xmlns: true });
let current = '';
let fields: Record<string, string> = {};
parser.on('opentag', (t) => { current = t.local; });
parser.on('text', (t) => { if (current !== '') fields[current] = (fields[current] ?? '') + t; });
parser.on('closetag', () => { current = ''; });

function soap(body: string): string {
  fields = {};
  parser.write(body).close();
  const rows = accounts(fields['AccountFilter'] ?? '', Number(fields['TopN'] ?? 100));
  let out = `${SOAP_HEAD}${randomUUID()}${SOAP_BODY}`;
  for (const [id, name, number, status, pause] of rows) {
    out += `<a:AccountInfo><a:Id>${id}</a:Id><a:Name>${escape(name)}</a:Name><a:Number>${escape(number)}</a:Number>`
      + `<a:AccountLifeCycleStatus>${status}</a:AccountLifeCycleStatus>`
      + `${pause === null ? '<a:PauseReason i:nil="true"/>' : `<a:PauseReason>${pause}</a:PauseReason>`}</a:AccountInfo>`;
  }
  return out + SOAP_TAIL;
}

function rest(body: string): string {
  const request = JSON.parse(body) as { AccountFilter?: string; TopN?: number };
  const rows = accounts(request.AccountFilter ?? '', request.TopN ?? 100);
  return JSON.stringify({
    AccountsInfo: rows.map(([id, name, number, status, pause]) => ({
      Id: String(id), Name: name, Number: number, AccountLifeCycleStatus: status, ...(pause === null ? {} : { PauseReason: pause }),
    })),
  });
}

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const isSoap = (req.url ?? '').startsWith('/Api/');
  if (req.method !== 'POST') {
    res.end();
    return;
  }
  const text = isSoap ? soap(body) : rest(body);
  res.writeHead(200, {
    'content-type': isSoap ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text), trackingid: randomUUID(),
  });
  res.end(text);
}

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d: string) => { body += d; });
  req.on('end', () => answer(req, res, body));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});

// The peer a user would otherwise pick: node-soap (the `soap` package) serving FindAccounts from the
// official WSDL, over N accounts held in memory (names made like the seeded ones, so a prefix
// filter matches the same share). Started by run.ts as its own process:
//   node dist/bench/soap-peer.js WSDL_FILE ACCOUNTS
// Prints "listening on http://…" when ready.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import soap from 'soap';
import { seededName } from '../src/domain/tenants/seed-records.js';

const [wsdlFile, count] = process.argv.slice(2);
const wsdl = readFileSync(wsdlFile!, 'utf8');
const n = Number(count ?? 1_000_000);

interface Account { Id: number; Name: string; NameFolded: string; Number: string }
const accounts: Account[] = new Array(n);
for (let i = 0; i < n; i++) {
  const name = seededName(i, '');
  accounts[i] = { Id: 140_000_001 + i, Name: name, NameFolded: name.toLowerCase(), Number: `B${(10_000_000 + i).toString(36).toUpperCase()}` };
}

// FindAccounts as a straightforward in-memory implementation: the accounts whose name or number
// starts with the filter (case-insensitively), the first TopN of them.
function findAccounts(args: { AccountFilter?: string; TopN?: number | string }): unknown {
  const filter = (args.AccountFilter ?? '').toLowerCase();
  const topN = Math.min(Number(args.TopN ?? 100), 5000);
  const found: unknown[] = [];
  for (const a of accounts) {
    if (found.length >= topN) break;
    if (filter === '' || a.NameFolded.startsWith(filter) || a.Number.toLowerCase().startsWith(filter)) {
      found.push({ Id: a.Id, Name: a.Name, Number: a.Number, AccountLifeCycleStatus: 'Active', PauseReason: null });
    }
  }
  return { AccountsInfo: { AccountInfo: found } };
}

const services = {
  CustomerManagementService: {
    BasicHttpBinding_ICustomerManagementService: { FindAccounts: findAccounts },
  },
};

const server = createServer((req, res) => { res.statusCode = 404; res.end(); });
server.listen(0, '127.0.0.1', () => {
  soap.listen(server, '/Api/CustomerManagement/v13/CustomerManagementService.svc', services, wsdl, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
  });
});

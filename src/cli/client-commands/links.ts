// adcenter links list|add|accept|decline
import { Command } from 'commander';
import type { ClientLink, OperationError } from 'adcenter-client';
import { clientFor, whoAmI, withConnection, type ConnectionOptions } from './connection.js';
import { idArgument } from './fields.js';
import { guarded, print, progress, table, type Row } from './output.js';

const COLUMNS = ['Type', 'ClientEntityId', 'ClientEntityName', 'ManagingCustomerId', 'ManagingCustomerName', 'Status', 'StartDate'];

/** Partial errors as lines; the command fails when any link failed. */
function partialFailures(links: readonly string[], result: { OperationErrors?: OperationError[] | null; PartialErrors?: Array<OperationError[] | null> | null }): string[] {
  const lines = (result.OperationErrors ?? []).map((e) => `${e.Code}: ${e.Message ?? ''}`);
  (result.PartialErrors ?? []).forEach((errors, i) => {
    for (const e of errors ?? []) lines.push(`account ${links[i] ?? i}: ${e.Code}: ${e.Message ?? ''}`);
  });
  return lines;
}

export function linksCommand(): Command {
  const links = new Command('links').description('client links between agencies and client accounts (SearchClientLinks, AddClientLinks, UpdateClientLinks)');

  withConnection(links.command('list').description('client links managed by a customer (default: yours) or of client accounts, all pages'))
    .option('--customer <id>', 'links this customer manages', idArgument)
    .option('--accounts <ids>', 'links of these client accounts (comma-separated)')
    .action((opts: ConnectionOptions & { customer?: string; accounts?: string }) => guarded(async () => {
      const client = clientFor(opts);
      const predicate = opts.accounts
        ? { Field: 'ClientAccountId', Operator: 'In' as const, Value: opts.accounts }
        : { Field: 'ManagingCustomerId', Operator: 'Equals' as const, Value: opts.customer ?? (await whoAmI(client)).customerId };
      const bar = progress('fetching links');
      bar.tick(0);
      const found: ClientLink[] = [];
      for await (const link of client.iterate('SearchClientLinks', { Predicates: [predicate] })) {
        found.push(link);
        bar.tick(found.length);
      }
      bar.end();
      print(opts.json, found, () => table(found as Row[], COLUMNS));
    }));

  withConnection(links.command('add <clientAccountIds...>').description('ask to manage client accounts (AddClientLinks)'))
    .option('--managing-customer <id>', 'the agency customer (default: yours)', idArgument)
    .option('--name <name>', 'a name for the link')
    .option('--note <text>', 'a note to the client')
    .option('--no-bill-to-client', 'the agency pays (IsBillToClient false)')
    .action((accountIds: string[], opts: ConnectionOptions & { managingCustomer?: string; name?: string; note?: string; billToClient: boolean }) => guarded(async () => {
      const client = clientFor(opts);
      const managing = opts.managingCustomer ?? (await whoAmI(client)).customerId;
      const ids = accountIds.map(idArgument);
      const r = await client.addClientLinks({ ClientLinks: ids.map((id) => ({
        Type: 'AccountLink', ClientEntityId: id, ManagingCustomerId: managing, IsBillToClient: opts.billToClient,
        ...(opts.name ? { Name: opts.name } : {}), ...(opts.note ? { Note: opts.note } : {}),
      })) });
      report(opts, ids, r, 'requested');
    }));

  for (const [verb, status] of [['accept', 'LinkAccepted'], ['decline', 'LinkDeclined']] as const) {
    withConnection(links.command(`${verb} <clientAccountIds...>`).description(`${verb} an agency's request to manage client accounts (UpdateClientLinks ${status})`))
      .requiredOption('--managing-customer <id>', 'the agency customer that asked', idArgument)
      .action((accountIds: string[], opts: ConnectionOptions & { managingCustomer: string }) => guarded(async () => {
        const client = clientFor(opts);
        const ids = accountIds.map(idArgument);
        const bar = progress(`${verb}ing links`, ids.length);
        const merged: { OperationErrors: OperationError[]; PartialErrors: Array<OperationError[] | null> } = { OperationErrors: [], PartialErrors: [] };
        // One call per link: a progress bar for long lists, and one link's failure does not hide the others'.
        for (const [i, id] of ids.entries()) {
          const r = await client.updateClientLinks({ ClientLinks: [{ Type: 'AccountLink', ClientEntityId: id, ManagingCustomerId: opts.managingCustomer, Status: status }] });
          merged.OperationErrors.push(...(r.OperationErrors ?? []));
          merged.PartialErrors.push(r.PartialErrors?.[0] ?? null);
          bar.tick(i + 1);
        }
        bar.end();
        report(opts, ids, merged, verb === 'accept' ? 'accepted' : 'declined');
      }));
  }
  return links;
}

function report(opts: ConnectionOptions, ids: readonly string[], r: { OperationErrors?: OperationError[] | null; PartialErrors?: Array<OperationError[] | null> | null }, done: string): void {
  const failures = partialFailures(ids, r);
  const ok = ids.filter((_, i) => !(r.PartialErrors?.[i]?.length));
  print(opts.json, r, () => (ok.length ? `${done}: ${ok.join(', ')}\n` : ''));
  if (failures.length) throw new Error(`some links failed:\n  ${failures.join('\n  ')}`);
}

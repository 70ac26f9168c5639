// adcenter accounts find|get|add|update|delete
import { Command } from 'commander';
import type { AdvertiserAccount, CurrencyCode, Predicate, TimeZoneType } from 'adcenter-client';
import { clientFor, whoAmI, withConnection, type ConnectionOptions } from './connection.js';
import { ADDRESS_OPTIONS, addressOf, idArgument, jsonArgument, type AddressOptions } from './fields.js';
import { guarded, print, progress, record, table, type Row } from './output.js';

const COLUMNS = ['Id', 'Number', 'Name', 'AccountLifeCycleStatus', 'CurrencyCode', 'ParentCustomerId'];

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('advertiser accounts (SearchAccounts, GetAccount, AddAccount, UpdateAccount, DeleteAccount)');

  withConnection(accounts.command('find [text]').description('accounts whose name contains the text (default: every account you can reach), all pages'))
    .option('--customer <id>', 'only the accounts of this customer', idArgument)
    .action((text: string | undefined, opts: ConnectionOptions & { customer?: string }) => guarded(async () => {
      const client = clientFor(opts);
      const predicates: Predicate[] = [];
      if (opts.customer) predicates.push({ Field: 'CustomerId', Operator: 'Equals', Value: opts.customer });
      if (text) predicates.push({ Field: 'AccountName', Operator: 'Contains', Value: text });
      if (!predicates.length) predicates.push({ Field: 'UserId', Operator: 'Equals', Value: (await whoAmI(client)).userId });
      const bar = progress('fetching accounts');
      bar.tick(0);
      const found: AdvertiserAccount[] = [];
      for await (const account of client.iterate('SearchAccounts', { Predicates: predicates, Ordering: [{ Field: 'Id', Order: 'Ascending' }] })) {
        found.push(account);
        bar.tick(found.length);
      }
      bar.end();
      print(opts.json, found, () => table(found as Row[], COLUMNS));
    }));

  withConnection(accounts.command('get <accountId>').description('one account (GetAccount)'))
    .action((id: string, opts: ConnectionOptions) => guarded(async () => {
      const { Account } = await clientFor(opts).getAccount({ AccountId: idArgument(id) });
      print(opts.json, Account, () => record((Account ?? {}) as Row));
    }));

  const add = withConnection(accounts.command('add').description('add an account to a customer (AddAccount); prints its id and number'))
    .requiredOption('--name <name>', 'the account name')
    .option('--customer <id>', 'the owning customer (default: yours)', idArgument)
    .option('--currency <code>', 'currency (default USD)', 'USD')
    .option('--time-zone <zone>', 'TimeZoneType (default PacificTimeUSCanadaTijuana)', 'PacificTimeUSCanadaTijuana')
    .option('--payment-method <id>', 'PaymentMethodId', idArgument)
    .option('--set <json>', 'more AdvertiserAccount fields as JSON (or @file)', jsonArgument);
  for (const [flag, description] of ADDRESS_OPTIONS) add.option(flag, description);
  add.action((opts: ConnectionOptions & AddressOptions & { name: string; customer?: string; currency: string; timeZone: string; paymentMethod?: string; set?: Record<string, unknown> }) => guarded(async () => {
    const client = clientFor(opts);
    const customerId = opts.customer ?? (await whoAmI(client)).customerId;
    const account: AdvertiserAccount = {
      Name: opts.name, ParentCustomerId: customerId, CurrencyCode: opts.currency as CurrencyCode, TimeZone: opts.timeZone as TimeZoneType,
      ...(opts.paymentMethod ? { PaymentMethodId: opts.paymentMethod } : {}),
      ...(addressOf(opts) ? { BusinessAddress: addressOf(opts)! } : {}),
      ...(opts.set as AdvertiserAccount | undefined),
    };
    const r = await client.addAccount({ Account: account });
    print(opts.json, r, () => record(r as Row));
  }));

  withConnection(accounts.command('update <accountId>').description('change an account (GetAccount for its TimeStamp, then UpdateAccount)'))
    .option('--name <name>', 'the new name')
    .option('--set <json>', 'AdvertiserAccount fields to change, as JSON (or @file)', jsonArgument)
    .action((id: string, opts: ConnectionOptions & { name?: string; set?: Record<string, unknown> }) => guarded(async () => {
      const client = clientFor(opts);
      const { Account } = await client.getAccount({ AccountId: idArgument(id) });
      const change: AdvertiserAccount = {
        Id: Account!.Id!, TimeStamp: Account!.TimeStamp ?? null, ParentCustomerId: Account!.ParentCustomerId!,
        ...(opts.name !== undefined ? { Name: opts.name } : {}), ...(opts.set as AdvertiserAccount | undefined),
      };
      const r = await client.updateAccount({ Account: change });
      print(opts.json, r, () => record(r as Row));
    }));

  withConnection(accounts.command('delete <accountIds...>').description('delete accounts (GetAccount for each TimeStamp, then DeleteAccount)'))
    .action((ids: string[], opts: ConnectionOptions) => guarded(async () => {
      const client = clientFor(opts);
      const bar = progress('deleting accounts', ids.length);
      const deleted: string[] = [];
      for (const id of ids.map(idArgument)) {
        const { Account } = await client.getAccount({ AccountId: id });
        await client.deleteAccount({ AccountId: id, TimeStamp: Account?.TimeStamp ?? null });
        deleted.push(id);
        bar.tick(deleted.length);
      }
      bar.end();
      print(opts.json, { Deleted: deleted }, () => `deleted ${deleted.join(', ')}\n`);
    }));
  return accounts;
}

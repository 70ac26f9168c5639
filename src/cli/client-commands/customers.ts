// adcenter customers list|get|signup
import { Command } from 'commander';
import type { CurrencyCode, Industry, TimeZoneType } from 'adcenter-client';
import { clientFor, withConnection, type ConnectionOptions } from './connection.js';
import { ADDRESS_OPTIONS, addressOf, idArgument, type AddressOptions } from './fields.js';
import { guarded, print, record, table, type Row } from './output.js';

export function customersCommand(): Command {
  const customers = new Command('customers').description('customers (GetCustomersInfo, GetCustomer, SignupCustomer)');

  withConnection(customers.command('list [nameFilter]').description('the customers you can reach whose name starts with the filter (GetCustomersInfo)'))
    .option('--top <n>', 'at most this many (1–5000, default 5000)', '5000')
    .action((nameFilter: string | undefined, opts: ConnectionOptions & { top: string }) => guarded(async () => {
      const { CustomersInfo } = await clientFor(opts).getCustomersInfo({ CustomerNameFilter: nameFilter ?? '', TopN: Number(opts.top) });
      const rows = CustomersInfo ?? [];
      print(opts.json, rows, () => table(rows as Row[], ['Id', 'Name']));
    }));

  withConnection(customers.command('get <customerId>').description('one customer (GetCustomer)'))
    .action((id: string, opts: ConnectionOptions) => guarded(async () => {
      const { Customer } = await clientFor(opts).getCustomer({ CustomerId: idArgument(id) });
      print(opts.json, Customer, () => record((Customer ?? {}) as Row));
    }));

  const signup = withConnection(customers.command('signup').description('create a client customer with its first account under an agency (SignupCustomer)'))
    .requiredOption('--name <name>', 'the new customer\'s name')
    .requiredOption('--parent <customerId>', 'the agency (ParentCustomerId)', idArgument)
    .option('--account-name <name>', 'its first account\'s name (default "<name> account")')
    .option('--currency <code>', 'the account currency (default USD)', 'USD')
    .option('--time-zone <zone>', 'TimeZoneType (default PacificTimeUSCanadaTijuana)', 'PacificTimeUSCanadaTijuana')
    .option('--industry <industry>', 'Industry (default Other)', 'Other')
    .option('--market-country <code>', 'MarketCountry (default US)', 'US');
  for (const [flag, description] of ADDRESS_OPTIONS) signup.option(flag, description);
  signup.action((opts: ConnectionOptions & AddressOptions & {
    name: string; parent: string; accountName?: string; currency: string; timeZone: string; industry: string; marketCountry: string;
  }) => guarded(async () => {
    const address = addressOf(opts);
    const r = await clientFor(opts).signupCustomer({
      Customer: { Name: opts.name, Industry: opts.industry as Industry, MarketCountry: opts.marketCountry, MarketLanguage: 'English' },
      Account: {
        Name: opts.accountName ?? `${opts.name} account`, ParentCustomerId: opts.parent, CurrencyCode: opts.currency as CurrencyCode,
        TimeZone: opts.timeZone as TimeZoneType, ...(address ? { BusinessAddress: address } : {}),
      },
      ParentCustomerId: opts.parent,
    });
    print(opts.json, r, () => record(r as Row));
  }));
  return customers;
}

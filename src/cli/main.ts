#!/usr/bin/env node
// The `adcenter` command.
import { Command, InvalidArgumentError, Option } from 'commander';
import { serve } from './serve.js';
import { token } from './token.js';
import { registerApp } from './app.js';
import { outbox } from './outbox.js';
import { createCustomer } from './customer.js';
import { accountManager } from './user.js';
import { definePilot, listPilots, loadPilots, switchPilot } from './pilot-features.js';
import { notify } from './notify.js';
import { seedCounts } from './seed-counts.js';
import { DEFAULT_DATA_DIR } from './store-options.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
}

function atLeastOne(value: string): number {
  const n = positiveInt(value);
  if (n < 1) throw new InvalidArgumentError('must be at least 1');
  return n;
}

/** A number of seconds above zero; fractions allowed (tests use short timeouts). */
function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds above 0');
  return n;
}

const program = new Command('adcenter')
  .description('A self-hostable Microsoft Advertising API v13 Customer Management service (SOAP and REST).');

const storeOptions = (cmd: Command): Command => cmd
  .option('--data <dir>', 'folder of the embedded SQLite store', process.env.ADCENTER_DATA ?? DEFAULT_DATA_DIR)
  .option('--database-url <url>', 'PostgreSQL URL instead of SQLite (or ADCENTER_DATABASE_URL)')
  .option('--database-schema <name>', 'PostgreSQL schema to use (or ADCENTER_DATABASE_SCHEMA)');

storeOptions(program.command('serve').description('start the server'))
  .option('--port <n>', 'port to listen on (0 = any free port)', positiveInt, Number(process.env.PORT ?? 8080))
  .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
  .addOption(new Option('--environment <env>', 'sandbox or production (default: the store\'s, or sandbox for a new store)').choices(['sandbox', 'production']))
  .option('--body-limit <bytes>', 'largest request body accepted', positiveInt)
  .option('--log-level <level>', 'pino log level', process.env.LOG_LEVEL ?? 'info')
  .option('--access-token-lifetime <seconds>', 'lifetime of OAuth access tokens the server issues (default 3600)', atLeastOne)
  .option('--public-url <url>', 'base URL of links in sent messages (or ADCENTER_PUBLIC_URL; default: the request\'s origin)', process.env.ADCENTER_PUBLIC_URL)
  .option('--trust-proxy', 'believe X-Forwarded-Proto/-For/-Host (only behind a proxy that sets them)')
  .option('--request-timeout <seconds>', 'time to receive a whole request, headers and body (default 30)', seconds)
  .option('--idle-timeout <seconds>', 'time a connection with a request open may stay silent (default 60)', seconds)
  .option('--keep-alive-timeout <seconds>', 'time an idle keep-alive connection is kept open (default 72)', seconds)
  .option('--max-connections <n>', 'open connections at most; more are closed at once (default 900)', atLeastOne)
  .action(async (opts) => serve(opts));

storeOptions(program.command('token').description('print an OAuth access token (last line of stdout)'))
  .option('--user <userName>', 'user to issue the token for (default: the demo Super Admin)')
  .option('--lifetime <seconds>', 'token lifetime in seconds (default 3600)', positiveInt)
  .action(async (opts) => token(opts));

storeOptions(program.command('outbox').description('print the messages the server sent (invitation links), newest first'))
  .option('--to <email>', 'only messages to this address')
  .option('--limit <n>', 'how many messages (default 20)', positiveInt)
  .action(async (opts) => outbox(opts));

const app = program.command('app').description('OAuth client applications (app registrations)');
storeOptions(app.command('register').description('register an application; prints its client id (and client secret, once)'))
  .requiredOption('--name <name>', 'the application name shown on the consent page')
  .requiredOption('--redirect-uri <uri>', 'a redirect URI (repeat for several)', (v: string, all: string[] = []) => [...all, v])
  .option('--confidential', 'a web application that authenticates with a client secret')
  .option('--user <userName>', 'the owner (default: the demo Super Admin)')
  .action(async (opts) => registerApp(opts));

const customer = program.command('customer').description('customers (setting up the hierarchy)');
storeOptions(customer.command('create').description('create a customer with its first account and Super Admin; prints ids and the password (once)'))
  .requiredOption('--name <name>', 'the customer name (at most 90 characters)')
  .requiredOption('--email <email>', 'e-mail address and user name of its Super Admin')
  .option('--agency', 'make the customer an agency')
  .option('--first-name <name>', 'the Super Admin\'s first name (default Super)')
  .option('--last-name <name>', 'the Super Admin\'s last name (default Admin)')
  .option('--account-name <name>', 'name of its first account (default "<name> account")')
  .action(async (opts) => createCustomer(opts));

const user = program.command('user').description('users');
storeOptions(user.command('account-manager').description('designate an internal account manager (may delete customers)'))
  .argument('<email>', 'the user name')
  .option('--revoke', 'remove the designation')
  .action(async (email: string, opts) => accountManager(email, opts));
const pilots = program.command('pilot-features').description('pilot flags per customer and account (GetCustomerPilotFeatures, GetAccountPilotFeatures)');
storeOptions(pilots.command('list').description('the pilot catalogue, or the flags on for one customer or account'))
  .option('--customer <id>', 'the flags GetCustomerPilotFeatures returns for this customer')
  .option('--account <id>', 'the flags GetAccountPilotFeatures returns for this account')
  .action(async (opts) => listPilots(opts));
storeOptions(pilots.command('define').description('add a pilot to the catalogue, or replace one (same id)'))
  .requiredOption('--id <n>', 'the pilot id clients see', atLeastOne)
  .requiredOption('--name <name>', 'what the pilot is')
  .requiredOption('--countries <codes>', 'comma-separated ISO country codes it is open in')
  .option('--level <level>', 'customer (default) or account')
  .option('--default-on', 'on for every customer (or account) of those countries unless switched off')
  .action(async (opts) => definePilot(opts));
for (const state of ['on', 'off', 'reset'] as const) {
  storeOptions(pilots.command(`${state} <featureId>`).description(state === 'reset'
    ? 'remove a switch: the pilot is back to its default for the customer or account'
    : `switch a pilot ${state} for a customer or an account`))
    .option('--customer <id>', 'the customer (customer-level pilots)')
    .option('--account <id>', 'the account (account-level pilots)')
    .action(async (featureId: string, opts) => switchPilot(state, atLeastOne(featureId), opts));
}
storeOptions(pilots.command('load <file>').description('load pilot definitions and switches from a JSON settings file'))
  .action(async (file: string, opts) => loadPilots(file, opts));

storeOptions(program.command('notify').description('post a notification (GetNotifications, TypeId 5); prints its id'))
  .requiredOption('--title <text>', 'the notification title')
  .requiredOption('--message <text>', 'the notification message')
  .option('--severity <n>', '1 information (default), 2 warning, 3 action required', atLeastOne)
  .option('--user <id>', 'only to this user')
  .option('--customer <id>', 'only to the users of this customer')
  .option('--expires <date>', 'stop showing it after this date (ISO 8601)')
  .action(async (opts) => notify(opts));

// Bulk seeding by counts (issue 10). The seed-file form (`seed FILE`) joins this command as its
// optional argument.
storeOptions(program.command('seed').description('fill the store with generated customers, users and accounts (progress on stderr)'))
  .requiredOption('--accounts <n>', 'how many accounts', positiveInt)
  .option('--customers <n>', 'customers the accounts are spread over, each with a Super Admin (default 1)', atLeastOne)
  .option('--agency', 'also an agency whose Super Admin reaches every seeded customer through customer links')
  .action(async (opts) => seedCounts(opts));

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`adcenter: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

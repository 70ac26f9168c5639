#!/usr/bin/env node
// The `adcenter` command.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { serve } from './serve.js';
import { token } from './token.js';
import { registerApp } from './app.js';
import { outbox } from './outbox.js';
import { createCustomer } from './customer.js';
import { accountManager } from './user.js';
import { userPassword } from './user-password.js';
import { definePilot, listPilots, loadPilots, switchPilot } from './pilot-features.js';
import { notify } from './notify.js';
import { seedCounts } from './seed-counts.js';
import { DEFAULT_DATA_DIR } from './store-options.js';
import { registerClientCommands } from './client-commands/register.js';
import { exportStore, resetCommand, seedFromFile } from './seed-file.js';
import { EnvironmentCommand, envOption } from './environment-variables.js';
import { EXIT, StartupFailure } from './exit-codes.js';

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

function port(value: string): number {
  const n = positiveInt(value);
  if (n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

/** A number of seconds above zero; fractions allowed (tests use short timeouts). */
function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds above 0');
  return n;
}

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('adcenter')
  .description('A self-hostable Microsoft Advertising API v13 Customer Management service (SOAP and REST).')
  .version(version)
  // Usage errors exit with their own code (help and --version with 0); see exit-codes.ts.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT.usage));

const storeOptions = (cmd: Command): Command => cmd
  .addOption(envOption('--data <dir>', 'folder of the embedded SQLite store').default(DEFAULT_DATA_DIR))
  .addOption(envOption('--database-url <url>', 'PostgreSQL URL instead of SQLite'))
  .addOption(envOption('--database-schema <name>', 'PostgreSQL schema to use (default: the server\'s search_path, usually public)'));

// serve: every option also reads its ADCENTER_* variable (environment-variables.ts); PORT, HOST
// and LOG_LEVEL, the names platforms set, are read as defaults below them.
const serveCommand = new EnvironmentCommand('serve').copyInheritedSettings(program).description('start the server');
program.addCommand(storeOptions(serveCommand)
  .option('--port <n>', 'port to listen on (0 = any free port)', port, Number(process.env.PORT ?? 8080))
  .option('--host <host>', 'address to listen on (0.0.0.0: every interface)', process.env.HOST ?? '127.0.0.1')
  .addOption(envOption('--environment <env>', 'sandbox or production (default: the store\'s, or sandbox for a new store)').choices(['sandbox', 'production']))
  .option('--body-limit <bytes>', 'largest request body accepted (default 1048576)', positiveInt)
  .addOption(envOption('--log-level <level>', 'least severe log lines written').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(process.env.LOG_LEVEL ?? 'info'))
  .option('--access-token-lifetime <seconds>', 'lifetime of OAuth access tokens the server issues (default 3600)', atLeastOne)
  .option('--public-url <url>', 'base URL of links in sent messages (default: the request\'s origin)')
  .option('--trust-proxy', 'believe X-Forwarded-Proto/-For/-Host (only behind a proxy that sets them)')
  .option('--no-signin-limit', 'switch off the web sign-in lockout (for test suites; never in production)')
  .option('--request-timeout <seconds>', 'time to receive a whole request, headers and body (default 30)', seconds)
  .option('--idle-timeout <seconds>', 'time a connection with a request open may stay silent (default 60)', seconds)
  .option('--keep-alive-timeout <seconds>', 'time an idle keep-alive connection is kept open (default 72)', seconds)
  .option('--max-connections <n>', 'open connections at most; more are closed at once (default 900)', atLeastOne)
  .option('--admin-token <token>', 'require this Bearer token on the /_adcenter API; turns it on in production')
  .option('--request-log-size <n>', 'API calls the request log keeps in memory, 0 = off (default 1000)', positiveInt)
  .option('--rate-limit <calls/seconds>', 'per-user call-rate limit answered with 117 CallRateExceeded, e.g. 100/60 (default: none)')
  .option('--redis <url>', 'Redis URL sharing the call-rate window between instances, e.g. redis://127.0.0.1:6379')
  .option('--seed <file>', 'seed file (JSON or YAML, schemas/seed.schema.json) applied at start instead of the demo tenant; a reset returns to it')
  .option('--deterministic', 'sandbox: numbers, ids, TrackingIds and secrets from a seeded generator, clock frozen at 2024-01-01T00:00:00Z')
  .option('--random-seed <n>', 'the generator\'s seed (implies --deterministic; default 0)')
  .action(async (opts) => serve(opts)));

// One `seed` command, two forms: a seed file (declared entities, idempotent) or counts (bulk generated data).
storeOptions(program.command('seed').description('apply a seed file (JSON or YAML, schemas/seed.schema.json; applying it again changes nothing), or with --accounts fill the store with generated customers, users and accounts (progress on stderr)'))
  .argument('[file]', 'the seed file')
  .option('--accounts <n>', 'generate this many accounts (instead of a file)', positiveInt)
  .option('--customers <n>', 'with --accounts: customers the accounts are spread over, each with a Super Admin (default 1)', atLeastOne)
  .option('--agency', 'with --accounts: also an agency whose Super Admin reaches every seeded customer through customer links')
  .action(async (file: string | undefined, opts) => {
    if (file !== undefined && opts.accounts !== undefined) throw new StartupFailure(EXIT.usage, 'seed: give a seed file or --accounts, not both.');
    if (file !== undefined) return seedFromFile(file, opts);
    if (opts.accounts === undefined) throw new StartupFailure(EXIT.usage, 'seed: give a seed file, or --accounts N.');
    return seedCounts(opts);
  });

storeOptions(program.command('export').description('print the whole store as a seed file (JSON; passwords as hashes) that `seed` reads back'))
  .option('--format <format>', 'json (default) or yaml')
  .action(async (opts) => exportStore(opts));

storeOptions(program.command('reset').description('empty the store and apply its seed again (the file given, else the one it is served with, else the demo tenant)'))
  .option('--seed <file>', 'the seed file to return to (kept for later resets)')
  .action(async (opts) => resetCommand(opts));

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
storeOptions(user.command('password').description('set a user\'s password (a new random one is printed once); ends their web sessions'))
  .argument('<email>', 'the user name')
  .option('--password <password>', 'the new password (visible in the process list: prefer --password-stdin)')
  .option('--password-stdin', 'read the new password from the first line of stdin')
  .action(async (email: string, opts) => userPassword(email, opts));
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

registerClientCommands(program);
program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`adcenter: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof StartupFailure ? err.exitCode : EXIT.failure);
});

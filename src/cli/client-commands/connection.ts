// The options every API command shares (where to connect, with which credentials, how to print)
// and the adcenter-client they build. Environment variables stand in for the flags.
import { Command, Option } from 'commander';
import { CustomerManagementClient } from 'adcenter-client';

export interface ConnectionOptions {
  url?: string;
  token?: string;
  developerToken?: string;
  environment?: 'sandbox' | 'production';
  protocol?: 'rest' | 'soap';
  customerId?: string;
  accountId?: string;
  json?: boolean;
}

/** adcenter serve's default address: without --url or --environment the commands talk to it. */
export const DEFAULT_URL = 'http://127.0.0.1:8080';
/** The sandbox's universal developer token (adcenter's sandbox accepts it too). */
export const SANDBOX_DEVELOPER_TOKEN = 'BBD37VB98';

export function withConnection(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'server base URL (or ADCENTER_URL; default http://127.0.0.1:8080, or Microsoft\'s with --environment)', process.env.ADCENTER_URL)
    .option('--token <token>', 'OAuth access token (or ADCENTER_TOKEN; `adcenter token` prints one)', process.env.ADCENTER_TOKEN)
    .option('--developer-token <token>', 'developer token (or ADCENTER_DEVELOPER_TOKEN; default the sandbox\'s BBD37VB98)', process.env.ADCENTER_DEVELOPER_TOKEN)
    .addOption(new Option('--environment <env>', 'Microsoft\'s sandbox or production endpoints (when no --url)').choices(['sandbox', 'production']))
    .addOption(new Option('--protocol <protocol>', 'rest (default) or soap').choices(['rest', 'soap']))
    .option('--customer-id <id>', 'CustomerId header (or ADCENTER_CUSTOMER_ID)', process.env.ADCENTER_CUSTOMER_ID)
    .option('--account-id <id>', 'CustomerAccountId header (or ADCENTER_ACCOUNT_ID)', process.env.ADCENTER_ACCOUNT_ID)
    .option('--json', 'print JSON (for scripts) instead of tables');
}

export function clientFor(opts: ConnectionOptions): CustomerManagementClient {
  if (!opts.token) throw new Error('no access token: pass --token or set ADCENTER_TOKEN (`adcenter token` prints one for a local server)');
  const microsoft = opts.url === undefined && opts.environment !== undefined;
  return new CustomerManagementClient({
    developerToken: opts.developerToken ?? SANDBOX_DEVELOPER_TOKEN,
    accessToken: opts.token,
    environment: opts.environment ?? 'sandbox',
    ...(microsoft ? {} : { baseUrl: opts.url ?? DEFAULT_URL }),
    protocol: opts.protocol ?? 'rest',
    ...(opts.customerId ? { customerId: opts.customerId } : {}),
    ...(opts.accountId ? { accountId: opts.accountId } : {}),
  });
}

/** The signed-in user's id and first customer, for commands that default to "mine". */
export async function whoAmI(client: CustomerManagementClient): Promise<{ userId: string; customerId: string }> {
  const { User, CustomerRoles } = await client.getUser({ UserId: null });
  const customerId = CustomerRoles?.[0]?.CustomerId ?? User?.CustomerId;
  if (!User?.Id || !customerId) throw new Error('could not tell the signed-in user\'s customer; pass --customer');
  return { userId: User.Id, customerId };
}

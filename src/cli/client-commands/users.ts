// adcenter users list|invite|roles
import { Command, InvalidArgumentError } from 'commander';
import { Role } from '../../domain/roles.js';
import { clientFor, whoAmI, withConnection, type ConnectionOptions } from './connection.js';
import { idArgument } from './fields.js';
import { guarded, print, table, type Row } from './output.js';

const ROLE_NAMES = new Map<number, string>(Object.entries(Role).map(([name, id]) => [id, name]));

function roleArgument(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const id = (Role as Record<string, number>)[value];
  if (id === undefined) throw new InvalidArgumentError(`a role id or one of ${Object.keys(Role).join(', ')}`);
  return id;
}

export function usersCommand(): Command {
  const users = new Command('users').description('users (GetUsersInfo, SendUserInvitation, GetUser roles)');

  withConnection(users.command('list').description('the users of a customer (GetUsersInfo)'))
    .option('--customer <id>', 'the customer (default: yours)', idArgument)
    .action((opts: ConnectionOptions & { customer?: string }) => guarded(async () => {
      const client = clientFor(opts);
      const customerId = opts.customer ?? (await whoAmI(client)).customerId;
      const rows = (await client.getUsersInfo({ CustomerId: customerId })).UsersInfo ?? [];
      print(opts.json, rows, () => table(rows as Row[], ['Id', 'UserName']));
    }));

  withConnection(users.command('invite').description('invite someone to a customer (SendUserInvitation); prints the invitation id'))
    .requiredOption('--email <email>', 'who to invite')
    .requiredOption('--first-name <name>', 'their first name')
    .requiredOption('--last-name <name>', 'their last name')
    .option('--role <role>', 'role id or name (default StandardUser)', roleArgument, Role.StandardUser)
    .option('--customer <id>', 'the customer (default: yours)', idArgument)
    .option('--accounts <ids>', 'comma-separated account ids the role is limited to')
    .action((opts: ConnectionOptions & { email: string; firstName: string; lastName: string; role: number; customer?: string; accounts?: string }) => guarded(async () => {
      const client = clientFor(opts);
      const customerId = opts.customer ?? (await whoAmI(client)).customerId;
      const r = await client.sendUserInvitation({ UserInvitation: {
        Email: opts.email, FirstName: opts.firstName, LastName: opts.lastName, RoleId: opts.role, CustomerId: customerId, Lcid: 'EnglishUS',
        ...(opts.accounts ? { AccountIds: opts.accounts.split(',').map((s) => idArgument(s.trim())) } : {}),
      } });
      print(opts.json, r, () => `invitation ${r.UserInvitationId} sent to ${opts.email}\n`);
    }));

  withConnection(users.command('roles [userId]').description('a user\'s roles per customer (GetUser; default: you)'))
    .action((userId: string | undefined, opts: ConnectionOptions) => guarded(async () => {
      const r = await clientFor(opts).getUser({ UserId: userId === undefined ? null : idArgument(userId) });
      const rows = (r.CustomerRoles ?? []).map((role) => ({ ...role, Role: ROLE_NAMES.get(role.RoleId ?? -1) ?? '' }));
      print(opts.json, r.CustomerRoles ?? [], () => `${r.User?.UserName ?? ''} (${r.User?.Id ?? ''})\n`
        + table(rows as Row[], ['CustomerId', 'RoleId', 'Role', 'AccountIds', 'LinkedAccountIds']));
    }));
  return users;
}

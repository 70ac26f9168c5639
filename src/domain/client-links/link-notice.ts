// The e-mail a client receives about a link request unless SuppressNotification is set. There is
// no mail server: messages go to the outbox, like SendUserInvitation's. Recipients: the client
// account's primary user, or the Super Admins of the client customer.
import type { ClientLinkRecord, CustomerRecord, NewOutboxMessage } from '../../store/records.js';
import type { Context } from '../context.js';
import { Role } from '../roles.js';
import type { ClientEntity } from './link-parties.js';

async function recipients(ctx: Context, client: ClientEntity): Promise<string[]> {
  const userIds = client.kind === 'account'
    ? (client.account.primaryUserId === null ? [] : [client.account.primaryUserId])
    : (await ctx.store.listCustomerRoles(client.customer.id))
      .filter((r) => r.roleId === Role.SuperAdmin && r.accountIds === null).map((r) => r.userId);
  const users = await ctx.store.getUsers(userIds);
  return users.filter((u) => u.lifeCycleStatus === 'Active')
    .map((u) => u.contactInfo?.email ?? u.userName);
}

export async function linkRequestMessage(
  ctx: Context, link: Pick<ClientLinkRecord, 'note'>, client: ClientEntity, manager: CustomerRecord,
): Promise<NewOutboxMessage[]> {
  const what = client.kind === 'account'
    ? `the advertiser account "${client.account.name}" (${client.account.number})`
    : `the customer "${client.customer.name}" (${client.customer.number})`;
  const body = [
    `${manager.name} (customer ${manager.number}) asks to manage ${what} on Microsoft Advertising.`,
    link.note ? `\nTheir note: ${link.note}\n` : '',
    'Accept or decline the request with UpdateClientLinks (Status LinkAccepted or LinkDeclined) within 30 days;'
      + ' after that it expires.',
  ].join('\n');
  return (await recipients(ctx, client)).map((to) => ({
    to, subject: `Client link request from ${manager.name}`, body, createdTime: ctx.now(),
  }));
}

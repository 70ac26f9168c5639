// `adcenter outbox`: prints the messages the server "sent" (invitation e-mails with their
// acceptance links), newest first, since there is no mail delivery.
import { withStore, type StoreOptions } from './store-options.js';

export interface OutboxOptions extends StoreOptions {
  to?: string | undefined;
  limit?: number | undefined;
}

export function outbox(options: OutboxOptions): Promise<void> {
  return withStore(options, async (store) => {
    const messages = await store.listOutboxMessages({ ...(options.to ? { to: options.to } : {}), limit: options.limit ?? 20 });
    if (messages.length === 0) {
      process.stderr.write(`No messages${options.to ? ` to ${options.to}` : ''} in the outbox.\n`);
      return;
    }
    const out = messages.map((m) => [
      `--- message ${m.id}  ${m.createdTime.toISOString()}`,
      `To: ${m.to}`,
      `Subject: ${m.subject}`,
      '',
      m.body,
      '',
    ].join('\n'));
    process.stdout.write(out.join('\n'));
  });
}

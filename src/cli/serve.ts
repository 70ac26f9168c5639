import pino from 'pino';
import { buildServer, DEFAULT_BODY_LIMIT } from '../http/server.js';
import type { Environment } from '../domain/context.js';
import { bindEnvironment, openConfiguredStore, type StoreOptions } from './store-options.js';
import { ensureDemoTenant } from './demo-tenant.js';

export interface ServeOptions extends StoreOptions {
  port: number;
  host: string;
  environment?: Environment | undefined;
  bodyLimit?: number | undefined;
  logLevel: string;
}

export async function serve(options: ServeOptions): Promise<void> {
  const store = await openConfiguredStore(options);
  const environment = await bindEnvironment(store, options.environment);
  const created = await ensureDemoTenant(store, environment);
  const logger = pino({
    level: options.logLevel,
    // Credentials never reach the log, whatever a future serializer includes.
    redact: ['req.headers.authorization', 'req.headers.developertoken', 'req.headers.password', 'req.headers.cookie'],
  });
  const app = await buildServer({ store, environment, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger });
  const address = await app.listen({ port: options.port, host: options.host });
  const lines = [
    `adcenter (${environment}, ${store.backend}) listening on ${address}`,
    `  SOAP  ${address}/Api/CustomerManagement/v13/CustomerManagementService.svc   (WSDL: ?wsdl)`,
    `  REST  ${address}/CustomerManagement/v13/...`,
    ...(created ?? []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

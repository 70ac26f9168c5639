// adcenter-client pointed at a running test server, over REST or SOAP, with a given access token.
import { CustomerManagementClient, type ClientOptions } from 'adcenter-client';
import { SANDBOX_DEVELOPER_TOKEN, type RunningServer } from './server.js';

export type Protocol = 'rest' | 'soap';
export const PROTOCOLS: readonly Protocol[] = ['rest', 'soap'];

export function sdkClient(server: RunningServer, protocol: Protocol, accessToken: string | undefined, options: Partial<ClientOptions> = {}): CustomerManagementClient {
  return new CustomerManagementClient({
    developerToken: SANDBOX_DEVELOPER_TOKEN, environment: 'sandbox', baseUrl: server.url, protocol,
    ...(accessToken !== undefined ? { accessToken } : {}), ...options,
  });
}

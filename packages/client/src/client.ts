// CustomerManagementClient: one method per operation (generated), over REST or SOAP, with token
// refresh on 109, backoff on 117/429 and paging over the three Search operations.
import { MICROSOFT_TOKEN_URL, OAUTH_SCOPES, SERVICE_HOSTS, SOAP_PATH, type Environment } from './endpoints.js';
import { AdApiError } from './errors.js';
import { OperationMethods } from './generated/methods.js';
import type { OperationName, Operations } from './generated/types.js';
import { refreshTokens, type OAuthOptions } from './oauth.js';
import { pages, type PagedOperation, type PageItem } from './paging.js';
import { AUTHENTICATION_TOKEN_EXPIRED, backoffDelay, isRateLimited, sleep, type BackoffOptions } from './retry.js';
import { restTransport, soapTransport, type Send } from './transport.js';

export interface ClientOptions {
  /** The developer token (sandbox: BBD37VB98). */
  developerToken: string;
  /** An OAuth access token; with `oauth` alone, the client gets one first. */
  accessToken?: string;
  /** Refreshes the access token when the service answers 109 (expired), then retries the call once. */
  oauth?: OAuthOptions;
  /** Microsoft's production (default) or sandbox endpoints; also picks the OAuth scope. */
  environment?: Environment;
  /** Any other server instead of Microsoft's (adcenter: http://127.0.0.1:8080). */
  baseUrl?: string;
  /** 'rest' (default) or 'soap': the same types and results either way. */
  protocol?: 'rest' | 'soap';
  /** Sent as the CustomerId header (REST). */
  customerId?: string;
  /** Sent as the CustomerAccountId header (REST). */
  accountId?: string;
  /** How many times a call rate-limited (117 / HTTP 429) is tried again (default 3). */
  retries?: number;
  backoff?: BackoffOptions;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

export class CustomerManagementClient extends OperationMethods {
  readonly environment: Environment;
  readonly protocol: 'rest' | 'soap';
  readonly restUrl: string;
  readonly soapUrl: string;
  private accessToken: string | undefined;
  private refreshToken: string | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly send: Send;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    super();
    if (!options.developerToken) throw new TypeError('adcenter-client: developerToken is required');
    this.environment = options.environment ?? 'production';
    this.protocol = options.protocol ?? 'rest';
    const host = (options.baseUrl ?? SERVICE_HOSTS[this.environment]).replace(/\/+$/, '');
    this.restUrl = host;
    this.soapUrl = `${host}${SOAP_PATH}`;
    this.accessToken = options.accessToken;
    this.refreshToken = options.oauth?.refreshToken;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.send = this.protocol === 'soap' ? soapTransport(this.soapUrl, this.fetchImpl) : restTransport(this.restUrl, this.fetchImpl);
  }

  /** The access token in use (after a refresh, the new one). */
  get currentAccessToken(): string | undefined {
    return this.accessToken;
  }

  override async call<O extends OperationName>(operation: O, request: Operations[O]['request']): Promise<Operations[O]['response']> {
    const body = (request ?? {}) as Record<string, unknown>;
    if (this.accessToken === undefined && this.options.oauth) await this.refresh();
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.send(operation, body, {
          accessToken: this.accessToken, developerToken: this.options.developerToken,
          customerId: this.options.customerId, accountId: this.options.accountId,
        })) as Operations[O]['response'];
      } catch (err) {
        if (!(err instanceof AdApiError)) throw err;
        if (err.has(AUTHENTICATION_TOKEN_EXPIRED) && this.options.oauth && !refreshed) {
          refreshed = true;
          await this.refresh();
          attempt--; // a refresh is not a rate-limit retry
          continue;
        }
        if (isRateLimited(err) && attempt < (this.options.retries ?? 3)) {
          await sleep(backoffDelay(attempt, err, this.options.backoff));
          continue;
        }
        throw err;
      }
    }
  }

  /** Every item of every page of SearchAccounts, SearchCustomers or SearchClientLinks. */
  iterate<O extends PagedOperation>(operation: O, request: Operations[O]['request'], options: { pageSize?: number; onPage?: (page: { index: number; items: number }) => void } = {}): AsyncIterable<PageItem<O>> {
    return pages(this, operation, request, options);
  }

  /** Gets a new access token with the refresh token; concurrent callers share one refresh. */
  async refresh(): Promise<void> {
    const oauth = this.options.oauth;
    if (!oauth) throw new Error('adcenter-client: no oauth options to refresh the access token with');
    this.refreshing ??= (async () => {
      try {
        const tokens = await refreshTokens(this.fetchImpl, oauth.tokenUrl ?? MICROSOFT_TOKEN_URL,
          oauth.scope ?? OAUTH_SCOPES[this.environment], oauth, this.refreshToken ?? oauth.refreshToken);
        this.accessToken = tokens.accessToken;
        this.refreshToken = tokens.refreshToken;
        await oauth.onTokens?.(tokens);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}

// adcenter-client: a typed client for the Microsoft Advertising API v13 Customer Management
// service, for Microsoft's endpoints and for adcenter.
export { CustomerManagementClient, type ClientOptions } from './client.js';
export { AdApiError, OAuthRefreshError, type AdApiErrorEntry, type FaultKind } from './errors.js';
export { SERVICE_HOSTS, SOAP_PATH, MICROSOFT_TOKEN_URL, OAUTH_SCOPES, type Environment } from './endpoints.js';
export type { OAuthOptions, RefreshedTokens } from './oauth.js';
export type { PagedOperation, PageItem } from './paging.js';
export type { BackoffOptions } from './retry.js';
export { OPERATIONS } from './generated/metadata.js';
export type * from './generated/types.js';

// Microsoft's published endpoints (Customer Management v13) and OAuth scopes per environment.

export type Environment = 'production' | 'sandbox';

export const SERVICE_HOSTS: Readonly<Record<Environment, string>> = {
  production: 'https://clientcenter.api.bingads.microsoft.com',
  sandbox: 'https://clientcenter.api.sandbox.bingads.microsoft.com',
};

/** The SOAP endpoint below a service host; the REST paths start with /CustomerManagement/v13. */
export const SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc';

/** The Microsoft identity platform's token endpoint (both environments use it). */
export const MICROSOFT_TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';

export const OAUTH_SCOPES: Readonly<Record<Environment, string>> = {
  production: 'https://ads.microsoft.com/msads.manage offline_access',
  sandbox: 'https://si.ads.microsoft.com/msads.manage offline_access',
};

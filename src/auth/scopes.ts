import type { Environment } from '../contract/environment.js';

/** The OAuth scope that grants API access in each environment (reference §6). */
export const API_SCOPE: Readonly<Record<Environment, string>> = {
  production: 'https://ads.microsoft.com/msads.manage',
  sandbox: 'https://si.ads.microsoft.com/msads.manage',
};

/** "Everyone can use the universal sandbox developer token" — in the sandbox only. */
export const UNIVERSAL_SANDBOX_DEVELOPER_TOKEN = 'BBD37VB98';

export const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;

// The seed file as data (schemas/seed.schema.json is its published JSON Schema; the CLI checks a
// file against it before these types are trusted). docs/emulator.md describes the format.

export type RoleName = 'SuperAdmin' | 'Aggregator' | 'StandardUser' | 'AdvertiserCampaignManager' | 'Viewer';

export interface PilotSwitches {
  on?: number[];
  off?: number[];
}

export interface SeedAccount {
  name: string;
  number?: string;
  currencyCode?: string;
  status?: string;
  primaryUser?: string;
  pilotFeatures?: PilotSwitches;
}

export interface SeedCustomer {
  name: string;
  number?: string;
  agency?: boolean;
  marketCountry?: string;
  paymentMethods?: string[];
  pilotFeatures?: PilotSwitches;
  accounts?: SeedAccount[];
}

export interface SeedRole {
  customer: string;
  role: RoleName | number;
  accounts?: string[];
}

export type SeedDeveloperToken = string | { tokenHash: string; hint: string };

export interface SeedAccessToken {
  token?: string;
  tokenHash?: string;
  expiresAt?: string;
  scope?: string;
  clientId?: string;
}

export interface SeedUser {
  userName: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  customer?: string;
  password?: string;
  passwordHash?: string;
  roles: SeedRole[];
  developerTokens?: SeedDeveloperToken[];
  accessTokens?: SeedAccessToken[];
}

export interface SeedClientLink {
  managingCustomer: string;
  clientAccount?: string;
  clientCustomer?: string;
  status?: string;
  name?: string;
  note?: string;
  isBillToClient?: boolean;
}

export interface SeedPilotFeature {
  id: number;
  name: string;
  level?: 'customer' | 'account';
  countries?: string[];
  defaultOn?: boolean;
}

export interface SeedFile {
  version?: 1;
  pilotFeatures?: SeedPilotFeature[];
  customers?: SeedCustomer[];
  users?: SeedUser[];
  clientLinks?: SeedClientLink[];
}

/** A rule of the seed file the JSON Schema cannot say, broken at `path` (a JSON Pointer into the file). */
export class SeedError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path || '/'}: ${message}`);
    this.name = 'SeedError';
  }
}

/** Access tokens seeded without an expiry never expire. */
export const NEVER = new Date('9999-12-31T23:59:59.000Z');

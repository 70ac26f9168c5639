// The records of pilot features: the operator's catalogue entries and the per-customer /
// per-account switches (src/domain/pilot-features explains how they combine).

/** Whether a pilot is switched on for whole customers or for single ad accounts. */
export type PilotLevel = 'customer' | 'account';

export interface PilotFeatureRecord {
  /** The pilot id clients see in FeaturePilotFlags. */
  id: number;
  name: string;
  level: PilotLevel;
  /** ISO 3166-1 alpha-2 codes of the markets the pilot is open in. */
  countries: string[];
  /** Switched on for every customer (or account) of those markets unless switched off. */
  defaultOn: boolean;
}

export interface PilotGrantRecord {
  scope: PilotLevel;
  /** The customer id or the account id. */
  entityId: bigint;
  featureId: number;
  /** true: switched on; false: switched off (overrides a default). */
  enabled: boolean;
  changedTime: Date;
}

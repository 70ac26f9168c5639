// The built-in pilot-feature catalogue: ids and names as Microsoft documents them for
// GetCustomerPilotFeatures, with the markets each is open in. The operator can add entries or
// replace these (same id) with `adcenter pilot-features define` or `load` (stored catalogue wins).
import type { PilotFeatureRecord } from '../../store/pilot-records.js';

/** The markets the generally available pilots are open in (ISO 3166-1 alpha-2). */
export const PILOT_MARKETS: readonly string[] = [
  'AE', 'AR', 'AT', 'AU', 'BE', 'BG', 'BR', 'CA', 'CH', 'CL', 'CO', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR',
  'GB', 'GR', 'HK', 'HR', 'HU', 'ID', 'IE', 'IL', 'IN', 'IS', 'IT', 'JP', 'KR', 'LT', 'LU', 'LV', 'MT', 'MX', 'MY',
  'NL', 'NO', 'NZ', 'PE', 'PH', 'PL', 'PT', 'RO', 'SA', 'SE', 'SG', 'SI', 'SK', 'TH', 'TR', 'TW', 'US', 'VN', 'ZA',
];

const open = (id: number, name: string, defaultOn: boolean): PilotFeatureRecord =>
  ({ id, name, level: 'customer', countries: [...PILOT_MARKETS], defaultOn });
const only = (id: number, name: string, countries: string[]): PilotFeatureRecord =>
  ({ id, name, level: 'customer', countries, defaultOn: false });

/**
 * Switched on by default (defaultOn) for every customer of an open market: the features the
 * official examples and most clients look for, so a new customer never gets an empty list.
 */
export const BUILT_IN_PILOT_FEATURES: readonly PilotFeatureRecord[] = [
  open(78, 'Call Tracking', true),
  open(268, 'Dynamic Search Ads', true),
  open(317, 'Similar Remarketing Lists', true),
  open(351, 'Local Inventory Ads', false),
  open(388, 'Microsoft Audience Network', true),
  open(567, 'Azure AD Work and School Accounts', false),
  open(574, 'Include in Conversions', true),
  open(579, 'Customer List Audience', true),
  open(600, 'Dynamic Search Ads Text Part 2', false),
  open(616, 'View-through conversions', true),
  open(618, 'Combined List Audience', false),
  open(626, 'Multi-Image Ad Extensions', false),
  open(635, 'Custom Parameters Limit Increase Phase 3', false),
  open(636, 'Final Url Suffix Phase 3', false),
  open(637, 'Cookie-Based Experiments', false),
  open(684, 'Shopping Campaigns for Brands', false),
  only(704, 'Target ROAS Bid Strategy Type in UK/CA/AU/DE/FR', ['GB', 'CA', 'AU', 'DE', 'FR']),
  open(718, 'Smart Shopping Campaigns', false),
  open(720, 'Promotion Ad Extensions', false),
  only(721, 'Target ROAS Bid Strategy Type in US', ['US']),
  open(734, 'Google Import As A Service', false),
  open(762, 'Target Impression Share Bid Strategy Type', false),
  open(764, 'Site Property Promotion Ad for Hotels', false),
  open(777, 'Responsive Ads for Smart Shopping Campaigns', false),
  open(793, 'Create Accounts on Behalf of Client', false),
  open(802, 'Flyer Ad Extensions', false),
];

/** The built-in catalogue with the stored entries laid over it (same id: the stored one), by id. */
export function mergeCatalogue(stored: readonly PilotFeatureRecord[]): PilotFeatureRecord[] {
  const byId = new Map<number, PilotFeatureRecord>(BUILT_IN_PILOT_FEATURES.map((f) => [f.id, f]));
  for (const f of stored) byId.set(f.id, f);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

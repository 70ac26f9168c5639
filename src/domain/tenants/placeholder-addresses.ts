// The business address a tenant's first account gets when it is created without one (the web
// sign-up page, `adcenter customer create`, the demo tenant): a real-looking address in the chosen
// country that passes the same rules as ValidateAddress, so a client that reads the account with
// GetAccount and sends it back with UpdateAccount is never refused for an address it did not write.
import type { Entity } from '../../contract/values.js';

type Sample = Pick<Entity<'Address'>, 'Line1' | 'City' | 'StateOrProvince' | 'PostalCode'>;

const SAMPLES: Readonly<Record<string, Sample>> = {
  US: { Line1: '1 Main Street', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052' },
  CA: { Line1: '100 King Street West', City: 'Toronto', StateOrProvince: 'ON', PostalCode: 'M5X 1A9' },
  GB: { Line1: '10 Downing Street', City: 'London', PostalCode: 'SW1A 2AA' },
  IE: { Line1: '1 Grand Canal Square', City: 'Dublin', PostalCode: 'D02 P820' },
  AU: { Line1: '1 Martin Place', City: 'Sydney', StateOrProvince: 'NSW', PostalCode: '2000' },
  NZ: { Line1: '1 Lambton Quay', City: 'Wellington', PostalCode: '6011' },
  DE: { Line1: 'Unter den Linden 1', City: 'Berlin', PostalCode: '10117' },
  AT: { Line1: 'Stephansplatz 1', City: 'Wien', PostalCode: '1010' },
  CH: { Line1: 'Bahnhofstrasse 1', City: 'Zürich', PostalCode: '8001' },
  FR: { Line1: '1 rue de Rivoli', City: 'Paris', PostalCode: '75001' },
  BE: { Line1: 'Grand-Place 1', City: 'Bruxelles', PostalCode: '1000' },
  NL: { Line1: 'Dam 1', City: 'Amsterdam', PostalCode: '1012 JS' },
  ES: { Line1: 'Puerta del Sol 1', City: 'Madrid', PostalCode: '28013' },
  IT: { Line1: 'Piazza Venezia 1', City: 'Roma', PostalCode: '00186' },
  SE: { Line1: 'Drottninggatan 1', City: 'Stockholm', PostalCode: '111 51' },
  NO: { Line1: 'Karl Johans gate 1', City: 'Oslo', PostalCode: '0154' },
  DK: { Line1: 'Rådhuspladsen 1', City: 'København', PostalCode: '1550' },
  FI: { Line1: 'Mannerheimintie 1', City: 'Helsinki', PostalCode: '00100' },
  BR: { Line1: 'Avenida Paulista 1000', City: 'São Paulo', StateOrProvince: 'SP', PostalCode: '01310-100' },
  MX: { Line1: 'Paseo de la Reforma 1', City: 'Ciudad de México', StateOrProvince: 'CMX', PostalCode: '06600' },
  IN: { Line1: '1 Marine Drive', City: 'Mumbai', StateOrProvince: 'MH', PostalCode: '400020' },
  JP: { Line1: '1-1 Marunouchi', City: 'Chiyoda-ku', StateOrProvince: '13', PostalCode: '100-0005' },
  SG: { Line1: '1 Raffles Place', City: 'Singapore', PostalCode: '048616' },
  HK: { Line1: '1 Queen\'s Road Central', City: 'Hong Kong' },
  TW: { Line1: 'No. 1 Zhongxiao East Road', City: 'Taipei', PostalCode: '100' },
};

/** The countries a placeholder address is known for. */
export const PLACEHOLDER_COUNTRIES: readonly string[] = Object.keys(SAMPLES);

/** A valid business address in `country` for `businessName` (the US one where none is known). */
export function placeholderAddress(country: string, businessName: string): Entity<'Address'> {
  const known = SAMPLES[country];
  const sample = known ?? SAMPLES.US!;
  return {
    BusinessName: businessName, Line1: sample.Line1 ?? null, Line2: null, Line3: null, Line4: null, City: sample.City ?? null,
    StateOrProvince: sample.StateOrProvince ?? null, PostalCode: sample.PostalCode ?? null, CountryCode: known ? country : 'US',
  };
}

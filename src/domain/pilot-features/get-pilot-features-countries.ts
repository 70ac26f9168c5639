// GetPilotFeaturesCountries (undocumented by Microsoft): every pilot of the catalogue with the
// markets it is open in. The catalogue is no secret, so any signed-in user may read it.
import type { Handler } from '../context.js';
import { catalogue } from './effective-flags.js';

export const getPilotFeaturesCountries: Handler<'GetPilotFeaturesCountries'> = async (ctx) => {
  const features = await catalogue(ctx.store);
  return { PilotFeatures: features.map((f) => ({ Id: f.id, Countries: [...f.countries] })) };
};

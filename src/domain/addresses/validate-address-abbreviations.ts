// Street-line abbreviations suggested for English-language addresses (the USPS Publication 28
// standard suffixes and unit designators; Canada Post, Australia Post and Royal Mail use the same
// short forms). Only whole words of Line1–Line4 are replaced, never the business name or city.

export const ABBREVIATION_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA', 'AU', 'NZ', 'GB', 'IE', 'IN']);

export const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  street: 'St', avenue: 'Ave', road: 'Rd', boulevard: 'Blvd', drive: 'Dr', lane: 'Ln', court: 'Ct', place: 'Pl',
  square: 'Sq', terrace: 'Ter', parkway: 'Pkwy', highway: 'Hwy', expressway: 'Expy', freeway: 'Fwy',
  circle: 'Cir', trail: 'Trl', crescent: 'Cres', plaza: 'Plz', suite: 'Ste', apartment: 'Apt', building: 'Bldg',
  floor: 'Fl', room: 'Rm', department: 'Dept',
};

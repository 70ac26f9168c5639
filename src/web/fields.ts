// Form controls used by several pages, and the choices they offer.
import { types } from '../contract/types.js';
import { html, type Html } from './html.js';

export interface FieldOptions {
  type?: 'text' | 'email' | 'password';
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
}

export function textField(name: string, label: string, value: string, options: FieldOptions = {}): Html {
  return html`<label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${options.type === 'password' ? '' : value}"${
  options.required ? html` required` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${
  options.maxLength ? html` maxlength="${options.maxLength}"` : ''}>`;
}

export function selectField(name: string, label: string, choices: ReadonlyArray<readonly [string, string]>, selected: string): Html {
  return html`<label for="${name}">${label}</label>
<select id="${name}" name="${name}">${choices.map(([value, text]) =>
    html`<option value="${value}"${value === selected ? html` selected` : ''}>${text}</option>`)}</select>`;
}

/** The contract's CurrencyCode values: what AddAccount accepts. */
export const CURRENCIES: readonly string[] = types.CurrencyCode.values;

export function currencyChoices(): Array<readonly [string, string]> {
  return CURRENCIES.map((c) => [c, c] as const);
}

/** Markets offered on the forms (any two-letter code is valid for the API; this is a convenience list). */
export const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['AU', 'Australia'],
  ['NZ', 'New Zealand'], ['DE', 'Germany'], ['AT', 'Austria'], ['CH', 'Switzerland'], ['FR', 'France'],
  ['BE', 'Belgium'], ['NL', 'Netherlands'], ['ES', 'Spain'], ['IT', 'Italy'], ['SE', 'Sweden'], ['NO', 'Norway'],
  ['DK', 'Denmark'], ['FI', 'Finland'], ['BR', 'Brazil'], ['MX', 'Mexico'], ['IN', 'India'], ['JP', 'Japan'],
  ['SG', 'Singapore'], ['HK', 'Hong Kong SAR'], ['TW', 'Taiwan'],
];

export function isOfferedCountry(code: string): boolean {
  return COUNTRIES.some(([c]) => c === code);
}

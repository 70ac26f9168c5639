// Lookups over the generated metadata shared by the SOAP encoder and decoder.
import { TYPES } from '../generated/metadata.js';
import type { ContractType, FieldMeta } from '../metadata-model.js';

export const PRIMITIVES = new Set(['long', 'int', 'unsignedByte', 'decimal', 'boolean', 'string', 'dateTime', 'base64Binary']);

export interface Field {
  readonly name: string;
  /** The JSON member name (PascalCase; KeyValuePair key/value become Key/Value). */
  readonly json: string;
  readonly type: string;
  readonly nillable: boolean;
  readonly many: boolean;
  readonly required: boolean;
  /** The namespace key of the type that declares the field. */
  readonly ns: string;
}

export function toField(meta: FieldMeta, ns: string): Field {
  const [name, type, flags] = meta;
  return {
    name, json: name.charAt(0).toUpperCase() + name.slice(1), type, ns,
    nillable: flags.includes('n'), many: flags.includes('m'), required: flags.includes('r'),
  };
}

export function typeOf(name: string): ContractType {
  const def = TYPES[name];
  if (!def) throw new Error(`adcenter-client: unknown contract type ${name}`);
  return def;
}

const flattened = new Map<string, Field[]>();

/** A complex type's fields, inherited ones first. */
export function fieldsOf(typeName: string): Field[] {
  const cached = flattened.get(typeName);
  if (cached) return cached;
  const def = typeOf(typeName);
  if (def.kind !== 'complex') throw new Error(`adcenter-client: ${typeName} is not a complex type`);
  const own = def.fields.map((f) => toField(f, def.ns));
  const all = def.base === undefined ? own : [...fieldsOf(def.base), ...own];
  flattened.set(typeName, all);
  return all;
}

/** The item of an ArrayOf… wrapper (one repeated element), or undefined. */
export function arrayItemOf(typeName: string): Field | undefined {
  if (PRIMITIVES.has(typeName)) return undefined;
  const def = typeOf(typeName);
  if (def.kind !== 'complex' || def.base !== undefined || def.fields.length !== 1) return undefined;
  const only = toField(def.fields[0]!, def.ns);
  return only.many ? only : undefined;
}

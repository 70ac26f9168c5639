// Typed access to the contract data for the generic codecs.
import { arrayItem, isPrimitive, type ComplexTypeDef, type ElementDef, type OperationDef, type TypeDef } from './model.js';
import { operations } from './operations.js';
import { types } from './types.js';
import type { OperationName, TypeName } from './values.js';

const typeTable: Readonly<Record<string, TypeDef>> = types;
const operationTable: Readonly<Record<string, OperationDef>> = operations;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operationTable, name);
}
export function operationDef(name: OperationName): OperationDef {
  return operationTable[name]!;
}
export function typeDef(name: string): TypeDef {
  const def = typeTable[name];
  if (!def) throw new Error(`contract: unknown type ${name}`);
  return def;
}
export function isTypeName(name: string): name is TypeName {
  return Object.hasOwn(typeTable, name);
}

/** A complex type's fields with inherited ones first, each paired with the namespace it lives in. */
export function flattenFields(def: ComplexTypeDef): ReadonlyArray<{ field: ElementDef; ns: ComplexTypeDef['ns'] }> {
  const cached = flattened.get(def);
  if (cached) return cached;
  const own = def.fields.map((field) => ({ field, ns: def.ns }));
  const base = def.base === undefined ? [] : flattenFields(typeDef(def.base) as ComplexTypeDef);
  const all = [...base, ...own];
  flattened.set(def, all);
  return all;
}
const flattened = new WeakMap<ComplexTypeDef, ReadonlyArray<{ field: ElementDef; ns: ComplexTypeDef['ns'] }>>();

/**
 * A member's JSON property name. The REST face is .NET's JSON serialisation, which uses the
 * PascalCase member names; only the DataContract (SOAP) names of KeyValuePair members are
 * lower-case (key/value), so JSON capitalises them (the official REST SDKs send Key/Value).
 */
export function jsonName(field: ElementDef): string {
  return field.name.charAt(0).toUpperCase() + field.name.slice(1);
}

export { arrayItem, isPrimitive };

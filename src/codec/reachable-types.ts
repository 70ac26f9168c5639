// Which parts of the contract a served document describes. The WSDL and the OpenAPI document both
// declare only the operations that are served, and only the types those operations can carry, so
// that a client generated from either never sees an operation the server would refuse.
import { isPrimitive, type OperationDef, type TypeDef } from '../contract/model.js';
import { operations } from '../contract/operations.js';
import { types } from '../contract/types.js';
import type { OperationName, TypeName } from '../contract/values.js';

// The contract objects are `as const` literals; the writers walk them generically.
export const TYPE_DEFS: Readonly<Record<TypeName, TypeDef>> = types;
export const OPERATION_DEFS: Readonly<Record<OperationName, OperationDef>> = operations;
export const ALL_OPERATIONS: readonly OperationName[] = Object.keys(operations) as OperationName[];
const ALL_TYPES: readonly TypeName[] = Object.keys(types) as TypeName[];

/** Every operation declares both faults, so their detail types are always described. */
export const FAULT_ROOTS: readonly TypeName[] = ['AdApiFaultDetail', 'ApiFault'];

export function isTypeName(name: string): name is TypeName {
  return Object.prototype.hasOwnProperty.call(types, name);
}

/**
 * The given operations, validated, without duplicates and in contract (official WSDL) order, so
 * that the output does not depend on the order a caller listed them in.
 */
export function canonicalOperations(requested: readonly string[]): OperationName[] {
  const wanted = new Set<string>();
  for (const name of requested) {
    if (!Object.prototype.hasOwnProperty.call(operations, name)) {
      throw new Error(`unknown Customer Management operation: ${name}`);
    }
    wanted.add(name);
  }
  return ALL_OPERATIONS.filter((name) => wanted.has(name));
}

/**
 * The named types reachable from the operations' request and response wrappers (through fields
 * and base types) plus the fault detail types, in contract order. A reference to a name that is
 * neither a primitive nor a contract type is a bug in the contract data, so it throws.
 */
export function reachableTypes(ops: readonly OperationName[]): TypeName[] {
  const seen = new Set<TypeName>();
  const visit = (name: string, from: string): void => {
    if (isPrimitive(name)) return;
    if (!isTypeName(name)) throw new Error(`contract: ${from} refers to undefined type ${name}`);
    if (seen.has(name)) return;
    seen.add(name);
    const def = TYPE_DEFS[name];
    if (def.kind !== 'complex') return;
    if (def.base !== undefined) visit(def.base, name);
    for (const field of def.fields) visit(field.type, `${name}.${field.name}`);
  };
  for (const op of ops) {
    const def = OPERATION_DEFS[op];
    for (const field of [...def.request, ...def.response]) visit(field.type, `${op}.${field.name}`);
  }
  for (const root of FAULT_ROOTS) visit(root, 'faults');
  return ALL_TYPES.filter((name) => seen.has(name));
}

// The contract's enumerations as the store sees them: record fields holding one are typed with it,
// and text read from the database (or any other untyped source) is narrowed with the one checked
// helper below — membership in the contract's value list — so a value the wire cannot carry never
// reaches a record; corrupt data throws instead.
import { types } from '../contract/types.js';
import type { Entity, TypeName } from '../contract/values.js';

/** The contract's enumeration types (AccountLifeCycleStatus, LCID, …). */
export type EnumName = { [K in TypeName]: (typeof types)[K] extends { kind: 'enum' } ? K : never }[TypeName];
/** A value of the contract enumeration N. */
export type EnumValue<N extends EnumName> = Entity<N>;

const sets = new Map<EnumName, ReadonlySet<string>>();

function valueSet(name: EnumName): ReadonlySet<string> {
  let set = sets.get(name);
  if (set === undefined) {
    set = new Set<string>(types[name].values);
    sets.set(name, set);
  }
  return set;
}

export function isEnumValue<N extends EnumName>(name: N, value: string): value is EnumValue<N> {
  return valueSet(name).has(value);
}

/** `value` as a value of the enumeration `name`; anything else throws (`where` names the source). */
export function checkedEnum<N extends EnumName>(name: N, value: string, where: string): EnumValue<N> {
  if (!isEnumValue(name, value)) throw new TypeError(`store: ${where} holds ${JSON.stringify(value)}, not a ${name}`);
  return value;
}

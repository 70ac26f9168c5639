// TypeScript types inferred from the contract data, so that the domain's entity types cannot
// drift from the wire description: `Entity<'AdvertiserAccount'>` is exactly what the codecs
// produce for that type.
import type { ComplexTypeDef, ElementDef, EnumTypeDef, FlagsTypeDef, OperationDef, PrimitiveValues } from './model.js';
import type { types } from './types.js';
import type { operations } from './operations.js';

type Types = typeof types;
export type TypeName = keyof Types;
export type OperationName = keyof typeof operations;

export type ValueOf<T extends string> = T extends keyof PrimitiveValues
  ? PrimitiveValues[T]
  : T extends TypeName
    ? DefValue<Types[T]>
    : never;

type DefValue<D> = D extends EnumTypeDef<infer V>
  ? V[number]
  : D extends FlagsTypeDef<infer V>
    ? V[number][]
    : D extends ComplexTypeDef<infer F>
      ? F extends readonly [ElementDef<string, infer T, { nillable: true; many: true }>]
        ? ValueOf<T>[]
        : F extends readonly [ElementDef<string, infer T, { many: true }>]
          ? ValueOf<T>[]
          : FieldsValue<F>
      : never;

/** Every element is minOccurs=0 on the wire, so every field may be absent; nillable ones may be null. */
export type FieldsValue<F extends readonly ElementDef[]> = {
  -readonly [E in F[number] as E['name']]?: ValueOf<E['type']> | (E['opts'] extends { nillable: true } ? null : never);
};

export type Entity<N extends TypeName> = ValueOf<N>;
export type RequestOf<O extends OperationName> = (typeof operations)[O] extends OperationDef<infer Req, readonly ElementDef[]>
  ? FieldsValue<Req>
  : never;
export type ResponseOf<O extends OperationName> = (typeof operations)[O] extends OperationDef<readonly ElementDef[], infer Res>
  ? FieldsValue<Res>
  : never;

/** A decoded value of any contract type, as the generic codecs see it. */
export type WireValue =
  | null
  | bigint
  | number
  | string
  | boolean
  | Date
  | Uint8Array
  | WireValue[]
  | WireObject;
export interface WireObject {
  [field: string]: WireValue | undefined;
}

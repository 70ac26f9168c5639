// The vocabulary the contract is written in: XML Schema as the WSDL uses it (DataContract style),
// plus the REST route of each operation. Kept as plain data so that the SOAP codec, the JSON
// codec, the WSDL writer and the OpenAPI writer all read the same description.

export const NS = {
  msg: 'https://bingads.microsoft.com/Customer/v13',
  ent: 'https://bingads.microsoft.com/Customer/v13/Entities',
  exc: 'https://bingads.microsoft.com/Customer/v13/Exception',
  adapi: 'https://adapi.microsoft.com',
  generic: 'http://schemas.datacontract.org/2004/07/System.Collections.Generic',
  arrays: 'http://schemas.microsoft.com/2003/10/Serialization/Arrays',
  ser: 'http://schemas.microsoft.com/2003/10/Serialization/',
} as const;
export type NamespaceKey = keyof typeof NS;

/** The XML Schema built-in types the WSDL uses, and the JavaScript value each decodes to. */
export interface PrimitiveValues {
  long: bigint; // 64-bit ids must never pass through a double
  int: number;
  unsignedByte: number;
  decimal: string; // kept as its decimal text so no precision is lost
  boolean: boolean;
  string: string;
  dateTime: Date;
  base64Binary: Uint8Array;
}
export type PrimitiveName = keyof PrimitiveValues;
export const PRIMITIVES: readonly PrimitiveName[] = [
  'long', 'int', 'unsignedByte', 'decimal', 'boolean', 'string', 'dateTime', 'base64Binary',
];
export function isPrimitive(type: string): type is PrimitiveName {
  return (PRIMITIVES as readonly string[]).includes(type);
}

export interface ElementOptions {
  /** nillable="true": the element may carry i:nil="true" (JSON null). */
  readonly nillable?: boolean;
  /** maxOccurs="unbounded": the element repeats (only inside ArrayOf… types). */
  readonly many?: boolean;
  /** minOccurs="1" (the default in XSD); everything else in this WSDL is minOccurs="0". */
  readonly required?: boolean;
  /** DataContract EmitDefaultValue=false: omitted from responses when null. */
  readonly emitDefault?: false;
}
export interface ElementDef<N extends string = string, T extends string = string, O extends ElementOptions = ElementOptions> {
  readonly name: N;
  readonly type: T;
  readonly opts: O;
}
export interface ComplexTypeDef<F extends readonly ElementDef[] = readonly ElementDef[]> {
  readonly kind: 'complex';
  readonly ns: NamespaceKey;
  readonly fields: F;
  readonly base?: string;
}
export interface EnumTypeDef<V extends readonly string[] = readonly string[]> {
  readonly kind: 'enum';
  readonly ns: NamespaceKey;
  readonly values: V;
}
/** An xs:list of enumeration values (a flags enum such as AccountAdditionalField). */
export interface FlagsTypeDef<V extends readonly string[] = readonly string[]> {
  readonly kind: 'flags';
  readonly ns: NamespaceKey;
  readonly values: V;
}
export type TypeDef = ComplexTypeDef | EnumTypeDef | FlagsTypeDef;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface OperationDef<Req extends readonly ElementDef[] = readonly ElementDef[], Res extends readonly ElementDef[] = readonly ElementDef[]> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly request: Req;
  readonly response: Res;
}

export function el<const N extends string, const T extends string, const O extends ElementOptions = {}>(
  name: N, type: T, opts?: O,
): ElementDef<N, T, O> {
  return { name, type, opts: (opts ?? {}) as O };
}
export function complex<const F extends readonly ElementDef[]>(ns: NamespaceKey, fields: F, base?: string): ComplexTypeDef<F> {
  return base === undefined ? { kind: 'complex', ns, fields } : { kind: 'complex', ns, fields, base };
}
export function enumeration<const V extends readonly string[]>(ns: NamespaceKey, values: V): EnumTypeDef<V> {
  return { kind: 'enum', ns, values };
}
export function flags<const V extends readonly string[]>(ns: NamespaceKey, values: V): FlagsTypeDef<V> {
  return { kind: 'flags', ns, values };
}
export function operation<const Req extends readonly ElementDef[], const Res extends readonly ElementDef[]>(
  method: HttpMethod, path: string, request: Req, response: Res,
): OperationDef<Req, Res> {
  return { method, path, request, response };
}

/**
 * A complex type that is only a wrapper around one repeated element (ArrayOfAccountInfo,
 * ArrayOflong, …) is an array: in JSON it is a plain array, in the domain a JS array.
 */
export function arrayItem(def: TypeDef): ElementDef | undefined {
  if (def.kind !== 'complex' || def.base !== undefined || def.fields.length !== 1) return undefined;
  const only = def.fields[0]!;
  return only.opts.many ? only : undefined;
}

// The shape of the generated runtime description (generated/metadata.ts).

/** [element name as the WSDL spells it, type name, flags: 'n' nillable, 'm' repeated, 'r' minOccurs 1]. */
export type FieldMeta = readonly [name: string, type: string, flags: string];

export type ContractType =
  | { readonly kind: 'enum' | 'flags'; readonly ns: string }
  | { readonly kind: 'complex'; readonly ns: string; readonly base?: string; readonly fields: readonly FieldMeta[] };

export interface OperationMeta {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly request: readonly FieldMeta[];
  readonly response: readonly FieldMeta[];
}

// JSON Schemas (OpenAPI 3.0 dialect) for the contract types, following the JSON conventions of
// Microsoft's REST face and SDKs: 64-bit integers are strings, ArrayOf… wrappers are plain arrays,
// [Flags] lists are one comma+space separated string, property names are the WSDL element names,
// and polymorphic types (the faults) carry a `Type` discriminator.
import { arrayItem, isPrimitive, type ElementDef, type PrimitiveName, type TypeDef } from '../contract/model.js';
import type { TypeName } from '../contract/values.js';
import { isTypeName, TYPE_DEFS } from './reachable-types.js';
import { jsonName } from '../contract/lookup.js';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const DISCRIMINATOR = 'Type';
export const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

const PRIMITIVE_SCHEMAS: Readonly<Record<PrimitiveName, JsonObject>> = {
  // A long never travels as a JSON number: doubles cannot hold every 64-bit id.
  long: { type: 'string', format: 'int64' },
  int: { type: 'integer', format: 'int32' },
  unsignedByte: { type: 'integer', format: 'int32', minimum: 0, maximum: 255 },
  decimal: { type: 'number' },
  boolean: { type: 'boolean' },
  string: { type: 'string' },
  dateTime: { type: 'string', format: 'date-time' },
  base64Binary: { type: 'string', format: 'byte' },
};

function defOf(name: string): TypeDef {
  if (!isTypeName(name)) throw new Error(`contract: undefined type ${name}`);
  return TYPE_DEFS[name];
}

/** The schema of a value of the named type, where it is used (arrays are inlined). */
function typeSchema(type: string): JsonObject {
  if (isPrimitive(type)) return { ...PRIMITIVE_SCHEMAS[type] };
  const item = arrayItem(defOf(type));
  return item ? { type: 'array', items: fieldSchema(item, false) } : schemaRef(type);
}

/**
 * The schema of one element. `nullable` cannot sit beside a `$ref` in OpenAPI 3.0 (siblings of
 * `$ref` are ignored), so a nillable reference is written as `allOf: [$ref]` plus `nullable`.
 */
export function fieldSchema(field: ElementDef, repeatable = true): JsonObject {
  let schema = typeSchema(field.type);
  if (repeatable && field.opts.many) schema = { type: 'array', items: schema };
  if (!field.opts.nillable) return schema;
  // OpenAPI 3.0.3: nullable only adds null to an explicitly given `type`, so the type goes beside it.
  return '$ref' in schema ? { type: refType(field.type), allOf: [schema], nullable: true } : { ...schema, nullable: true };
}

/** The JSON type of a named (referenced) contract type: enumerations and flag lists are strings. */
function refType(type: string): string {
  const def = defOf(type);
  return def.kind === 'enum' || def.kind === 'flags' ? 'string' : 'object';
}

export function objectSchema(fields: readonly ElementDef[]): JsonObject {
  const properties: JsonObject = {};
  for (const f of fields) properties[jsonName(f)] = fieldSchema(f);
  return { type: 'object', properties };
}

/** Base type members come first, as DataContract serialisation orders them. */
function allFields(name: string): ElementDef[] {
  const def = defOf(name);
  if (def.kind !== 'complex') return [];
  return [...(def.base === undefined ? [] : allFields(def.base)), ...def.fields];
}

function rootOf(name: string): string {
  const def = defOf(name);
  return def.kind === 'complex' && def.base !== undefined ? rootOf(def.base) : name;
}

const isBase = (name: string): boolean =>
  Object.values(TYPE_DEFS).some((def) => def.kind === 'complex' && def.base === name);

/**
 * A member of a type hierarchy (the faults: ApplicationFault → AdApiFaultDetail | ApiFault) is
 * flattened, and carries the `Type` discriminator the REST face writes on polymorphic objects,
 * placed after the root type's members as in Microsoft's JSON examples
 * ({"TrackingId", "Type", "Errors"}). The union with its discriminator is written where the
 * faults are used (the error responses), not here.
 */
function polymorphicSchema(name: string): JsonObject {
  const all = allFields(name);
  const rootCount = allFields(rootOf(name)).length;
  const props = (objectSchema(all).properties ?? {}) as JsonObject;
  const entries = Object.entries(props);
  const type: JsonObject = isBase(name) ? { type: 'string' } : { type: 'string', enum: [name] };
  return {
    type: 'object',
    properties: Object.fromEntries([...entries.slice(0, rootCount), [DISCRIMINATOR, type], ...entries.slice(rootCount)]),
    required: [DISCRIMINATOR],
  };
}

/** components.schemas entries for the given (reachable) types; array wrappers are always inlined. */
export function componentSchemas(names: readonly TypeName[]): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const name of names) {
    const def = TYPE_DEFS[name];
    if (def.kind === 'enum') {
      out[name] = { type: 'string', enum: [...def.values] };
    } else if (def.kind === 'flags') {
      const one = `(${def.values.join('|')})`;
      out[name] = {
        type: 'string',
        description: `A set of ${name} values, comma+space separated (a space-separated xs:list in SOAP). Values: ${def.values.join(', ')}.`,
        pattern: `^${one}(, ${one})*$`,
        example: def.values.slice(0, 2).join(', '),
      };
    } else if (!arrayItem(def)) {
      out[name] = def.base !== undefined || isBase(name) ? polymorphicSchema(name) : objectSchema(def.fields);
    }
  }
  return out;
}

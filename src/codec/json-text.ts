// REST responses written straight to JSON text in one pass over the contract: the same mapping as
// json-codec's writeJsonResponse (longs as strings, decimals as numbers, enums as names, flags as
// "A, B", arrays plain, nulls left out), without building an object for JSON.stringify to walk
// again. test/codec/json-text checks that both give the same text.
import type { ElementDef } from '../contract/model.js';
import { arrayItem, flattenFields, isPrimitive, jsonName, operationDef, typeDef } from '../contract/lookup.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';
import { formatDateTime } from './scalars.js';
import { valueTypeDefault } from './value-defaults.js';

interface Field { def: ElementDef; key: string }

// The fields of each complex type with their quoted JSON names, worked out once per type.
const fieldsByType = new Map<string, Field[]>();
const fieldsByOperation = new Map<OperationName, Field[]>();

function prepared(defs: readonly ElementDef[]): Field[] {
  return defs.map((def) => ({ def, key: `${JSON.stringify(jsonName(def))}:` }));
}

function typeFields(typeName: string): Field[] {
  let fields = fieldsByType.get(typeName);
  if (fields === undefined) {
    const def = typeDef(typeName);
    if (def.kind !== 'complex') throw new Error(`${typeName} is not a complex type`);
    fields = prepared(flattenFields(def).map((f) => f.field));
    fieldsByType.set(typeName, fields);
  }
  return fields;
}

export function writeJsonResponseText(operation: OperationName, response: WireObject): string {
  let fields = fieldsByOperation.get(operation);
  if (fields === undefined) {
    fields = prepared(operationDef(operation).response);
    fieldsByOperation.set(operation, fields);
  }
  return objectText(response, fields);
}

function objectText(value: WireObject, fields: readonly Field[]): string {
  let out = '';
  for (const { def, key } of fields) {
    const v = value[def.name] ?? valueTypeDefault(def);
    if (v === undefined || v === null) continue;
    out += out === '' ? `{${key}` : `,${key}`;
    out += valueText(v, def);
  }
  return out === '' ? '{}' : `${out}}`;
}

function valueText(value: WireValue, field: ElementDef): string {
  if (isPrimitive(field.type)) {
    switch (field.type) {
      case 'long': return `"${String(value)}"`;
      case 'decimal': return JSON.stringify(Number(value));
      case 'dateTime': return `"${formatDateTime(value as Date, 3)}"`;
      case 'base64Binary': return `"${Buffer.from(value as Uint8Array).toString('base64')}"`;
      default: return JSON.stringify(value);
    }
  }
  const def = typeDef(field.type);
  if (def.kind === 'enum') return JSON.stringify(value);
  if (def.kind === 'flags') return JSON.stringify((value as string[]).join(', '));
  const item = arrayItem(def);
  if (item) {
    let out = '';
    for (const v of value as WireValue[]) {
      if (v === null && !item.opts.nillable) continue;
      out += out === '' ? '[' : ',';
      out += v === null ? 'null' : valueText(v, item);
    }
    return out === '' ? '[]' : `${out}]`;
  }
  return objectText(value as WireObject, typeFields(field.type));
}

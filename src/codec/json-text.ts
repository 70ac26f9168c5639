// REST responses written straight to JSON text in one pass over the contract: the same mapping as
// json-codec's writeJsonResponse (longs as strings, decimals as numbers, enums as names, flags as
// "A, B", arrays plain, nulls left out), without building an object for JSON.stringify to walk
// again. test/codec/json-text checks that both give the same text.
//
// Each type's writer is compiled once from the contract: a closure per field, chosen from the
// field's type, so writing a value looks nothing up.
import type { ElementDef } from '../contract/model.js';
import { arrayItem, flattenFields, isPrimitive, jsonName, operationDef, typeDef } from '../contract/lookup.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';
import { formatBase64, formatDateTime } from './scalars.js';
import { valueTypeDefault } from './value-defaults.js';

/** The JSON text of a value that is neither null nor undefined. */
type Writer = (value: WireValue) => string;

interface FieldWriter {
  readonly name: string;
  /** `{"Name":` and `,"Name":`: the key as the first member of an object, and after another. */
  readonly first: string;
  readonly next: string;
  readonly write: Writer;
  /** The text of a value type's default, written when the field is null or unset (as .NET does). */
  readonly absent: string | undefined;
}

// The characters JSON.stringify escapes in a string (quote, backslash, controls) or may (a lone
// surrogate): a string with none of them is written as it is, between quotes.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** JSON.stringify's text for a string, number or boolean, with the common cases done here. */
const scalarText: Writer = (value) => {
  if (typeof value === 'string') return stringText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
};
const longText: Writer = (value) => `"${String(value)}"`;
const decimalText: Writer = (value) => JSON.stringify(Number(value));
// Milliseconds and Z: every JSON date parser (pydantic, Jackson, PHP) reads this form.
const dateTimeText: Writer = (value) => `"${formatDateTime(value as Date, 3)}"`;
const base64Text: Writer = (value) => `"${formatBase64(value as Uint8Array)}"`;
const flagsText: Writer = (value) => stringText((value as string[]).join(', '));

function primitiveWriter(type: string): Writer {
  switch (type) {
    case 'long': return longText;
    case 'decimal': return decimalText;
    case 'dateTime': return dateTimeText;
    case 'base64Binary': return base64Text;
    default: return scalarText; // string, int, unsignedByte, boolean
  }
}

const typeWriters = new Map<string, Writer>();
const responseWriters = new Map<OperationName, Writer>();

export function writeJsonResponseText(operation: OperationName, response: WireObject): string {
  let write = responseWriters.get(operation);
  if (write === undefined) {
    write = objectWriter(() => operationDef(operation).response);
    responseWriters.set(operation, write);
  }
  return write(response);
}

/** The JSON text of one value (not null) of a contract type: a primitive, enum, flags, array or complex type. */
export function writeJsonValueText(type: string, value: WireValue): string {
  return writerOfType(type)(value);
}

/** The writer of a contract type's values. */
function writerOfType(type: string): Writer {
  return isPrimitive(type) ? primitiveWriter(type) : typeWriter(type);
}

function typeWriter(typeName: string): Writer {
  let write = typeWriters.get(typeName);
  if (write === undefined) {
    const def = typeDef(typeName);
    const item = arrayItem(def);
    if (def.kind === 'enum') write = scalarText;
    else if (def.kind === 'flags') write = flagsText;
    else if (item) write = arrayWriter(item);
    else write = objectWriter(() => flattenFields(def).map((f) => f.field));
    typeWriters.set(typeName, write);
  }
  return write;
}

function arrayWriter(item: ElementDef): Writer {
  // Compiled on first use: types nest and recur (an array of a type holding that array).
  let write: Writer | undefined;
  // A null item of a nillable item type stays (PartialErrors: null marks the link that succeeded).
  const nillable = item.opts.nillable === true;
  return (value) => {
    write ??= writerOfType(item.type);
    const items = value as WireValue[];
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v === null && !nillable) continue;
      out += out === '' ? '[' : ',';
      out += v === null ? 'null' : write(v);
    }
    return out === '' ? '[]' : `${out}]`;
  };
}

function objectWriter(defs: () => readonly ElementDef[]): Writer {
  // Compiled on first use, like arrays: a type's fields may name the type itself.
  let fields: readonly FieldWriter[] | undefined;
  return (value) => {
    fields ??= defs().map(fieldWriter);
    const object = value as WireObject;
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const v = object[field.name];
      let text: string;
      if (v === undefined || v === null) {
        if (field.absent === undefined) continue;
        text = field.absent;
      } else {
        text = field.write(v);
      }
      out += out === '' ? field.first : field.next;
      out += text;
    }
    return out === '' ? '{}' : `${out}}`;
  };
}

function fieldWriter(def: ElementDef): FieldWriter {
  const key = `${JSON.stringify(jsonName(def))}:`;
  const write = writerOfType(def.type);
  // Nulls are left out; a value type never set is written with its default. Defaults are scalars
  // or enum names, so their text is the same every time.
  const fallback = valueTypeDefault(def);
  return { name: def.name, first: `{${key}`, next: `,${key}`, write, absent: fallback === undefined || fallback === null ? undefined : write(fallback) };
}

// Holds a decoded request to the contract's input limits (contract/limits.ts) before its operation
// runs, so that no operation — and no query — ever sees an oversized text or list. Walks the
// request along the contract's own description, so every operation and type is covered.
import { ApiError } from '../contract/api-error.js';
import { limitOf, type ElementLimit, type LimitOwner } from '../contract/limits.js';
import { arrayItem, flattenFields, isPrimitive, operationDef, typeDef } from '../contract/lookup.js';
import type { ElementDef } from '../contract/model.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';

export function checkInputLimits(operation: OperationName, request: WireObject): void {
  checkFields({ request: operation }, operationDef(operation).request, request, '');
}

function checkFields(owner: LimitOwner, fields: readonly ElementDef[], value: WireObject, path: string): void {
  for (const field of fields) {
    const v = value[field.name];
    if (v !== undefined && v !== null) checkElement(owner, field, v, path ? `${path}.${field.name}` : field.name);
  }
}

function checkElement(owner: LimitOwner, field: ElementDef, value: WireValue, path: string): void {
  if (isPrimitive(field.type)) {
    if (typeof value === 'string') checkText(limitOf(owner, field.name, 'text'), value, path);
    return;
  }
  const def = typeDef(field.type);
  // Enumeration values and flag lists hold only contract values; a flag repeated is the same flag.
  if (def.kind === 'enum' || def.kind === 'flags') return;
  const item = arrayItem(def);
  if (item) {
    if (!Array.isArray(value)) return;
    checkCount(limitOf(owner, field.name, 'list'), value.length, path);
    value.forEach((entry, i) => {
      if (entry === null) return;
      // A list of strings: each item is held to the element's text limit.
      if (isPrimitive(item.type)) {
        if (typeof entry === 'string') checkText(limitOf(owner, field.name, 'text'), entry, `${path}[${i}]`);
      } else {
        checkElement({ type: field.type }, item, entry, `${path}[${i}]`);
      }
    });
    return;
  }
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    checkFields({ type: field.type }, flattenFields(def).map((f) => f.field), value as WireObject, path);
  }
}

function checkText(limit: ElementLimit, value: string, path: string): void {
  const max = limit.maxLength!;
  // Counted in characters (code points) after trimming, as the domain's own rules count.
  if (value.length > max && characters(value.trim()) > max) {
    throw new ApiError(limit.fault, `${path} must be at most ${max} characters.`);
  }
}

function checkCount(limit: ElementLimit, count: number, path: string): void {
  const max = limit.maxItems!;
  if (count > max) throw new ApiError(limit.fault, `${path} may hold at most ${max} items.`);
}

function characters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

// What WCF writes for a member that cannot be null (a .NET value type: long, int, bool, DateTime,
// an enum) when the service never set it: the type's default, never nothing. The codecs use it so
// that every non-nillable element of a response is present, as the official clients expect.
import type { ElementDef } from '../contract/model.js';
import { isPrimitive, typeDef } from '../contract/lookup.js';
import type { WireValue } from '../contract/values.js';

/** 0001-01-01T00:00:00Z, .NET's DateTime.MinValue. */
const MIN_DATE_TIME = new Date(0);
MIN_DATE_TIME.setUTCFullYear(1, 0, 1); // not Date.UTC: it reads year 1 as 1901

/**
 * The default of a non-nillable element's type, or undefined when the element may be left out
 * (nillable ones are written as nil instead; EmitDefaultValue=false ones and complex ones are
 * left out, as WCF does for a null reference).
 */
export function valueTypeDefault(field: ElementDef): WireValue | undefined {
  if (field.opts.nillable || field.opts.emitDefault === false || field.opts.many) return undefined;
  if (isPrimitive(field.type)) {
    switch (field.type) {
      case 'long': return 0n;
      case 'int':
      case 'unsignedByte': return 0;
      case 'decimal': return '0';
      case 'boolean': return false;
      case 'dateTime': return new Date(MIN_DATE_TIME.getTime());
      default: return undefined; // string and base64Binary are reference types
    }
  }
  const def = typeDef(field.type);
  // An enum's default is its first member (value 0 in the service's .NET enumerations).
  return def.kind === 'enum' ? def.values[0] : undefined;
}

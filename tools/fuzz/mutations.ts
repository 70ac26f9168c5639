// Grammar-aware mutations of a valid request. Each says, per face, whether it makes the request
// invalid by construction (then the server must not answer 200) or leaves validity open.
import { limitOf, type LimitOwner } from '../../src/contract/limits.js';
import { arrayItem, isPrimitive, typeDef } from '../../src/contract/lookup.js';
import type { ElementDef, NamespaceKey } from '../../src/contract/model.js';
import type { OperationName } from '../../src/contract/values.js';
import { genValue, PREFIX, type Node, type Slot, type World } from './grammar.js';
import type { Prng } from './prng.js';

export type Face = 'soap' | 'rest';

/** A request ready to send: the tree plus what is done to its bytes or headers after writing. */
export interface Case {
  operation: OperationName;
  face: Face;
  request: Node;
  /** The mutations applied, for the report. */
  names: string[];
  /** Invalid by construction: the server must refuse it. */
  invalid: boolean;
  wrapperNs?: NamespaceKey;
  token?: string | undefined;
  developerToken?: string | undefined;
  soapAction?: string;
  /** Applied to the written body. */
  bytes?: (body: Buffer, rng: Prng) => Buffer;
}

/** Where a value sits, with what the contract says about it and which limits hold it. */
interface Place {
  def: ElementDef;
  get(): Node;
  set(node: Node): void;
  /** The containing object's elements (absent for list items). */
  siblings?: Slot[];
  index: number;
  limitOwner: LimitOwner;
  limitField: string;
}

function places(root: Node, operation: OperationName): Place[] {
  const out: Place[] = [];
  const visit = (node: Node, owner: LimitOwner): void => {
    if (node.kind === 'object') {
      node.fields.forEach((slot, index) => {
        out.push({
          def: slot.def, get: () => slot.node, set: (n) => { slot.node = n; }, siblings: node.fields, index,
          limitOwner: owner, limitField: slot.def.name,
        });
        descend(slot.node, slot.def, owner);
      });
    }
  };
  const descend = (node: Node, def: ElementDef, owner: LimitOwner): void => {
    if (node.kind === 'object') visit(node, { type: node.type });
    if (node.kind === 'array') {
      node.items.forEach((item, index) => {
        // A list of strings is held to its element's limit; a list of objects to the item type's.
        const itemOwner: LimitOwner = isPrimitive(node.item.type) ? owner : { type: node.type };
        out.push({
          def: node.item, get: () => node.items[index]!, set: (n) => { node.items[index] = n; }, index,
          limitOwner: itemOwner, limitField: isPrimitive(node.item.type) ? def.name : node.item.name,
        });
        descend(item, node.item, { type: node.type });
      });
    }
  };
  visit(root, { request: operation });
  return out;
}

function kindOf(def: ElementDef): 'string' | 'strict' | 'enum' | 'flags' | 'array' | 'object' {
  if (def.type === 'string') return 'string';
  if (isPrimitive(def.type)) return 'strict';
  const t = typeDef(def.type);
  if (t.kind === 'enum') return 'enum';
  if (t.kind === 'flags') return 'flags';
  return arrayItem(t) ? 'array' : 'object';
}

type Mutation = (c: Case, rng: Prng, world: World) => boolean | 'invalid';

/** Picks a place matching `want`, or none. */
function pickPlace(c: Case, rng: Prng, want: (p: Place) => boolean): Place | undefined {
  const list = places(c.request, c.operation).filter(want);
  return list.length ? rng.pick(list) : undefined;
}

const BAD_TEXT: Record<string, readonly string[]> = {
  long: ['abc', '1.5', '0x10', '12abc', 'true', '--1'],
  int: ['abc', '1.5', '1e3', 'NaN', '+-1'],
  unsignedByte: ['abc', '1.5', '0x1'],
  decimal: ['abc', '1.2.3', '1e5', 'NaN'],
  boolean: ['yes', 'no', 'TRUE', '2', 'abc'],
  dateTime: ['abc', '2026-13-01', '2026-02-30T25:00:00', '20260101'],
  base64Binary: ['@@@@', 'abc', '====='],
};

export const mutations: Record<string, Mutation> = {
  /** A value that is not of its type: text in a number, an unknown enum value, an object for a scalar. */
  'type-confusion': (c, rng) => {
    const p = pickPlace(c, rng, (x) => ['strict', 'enum', 'flags'].includes(kindOf(x.def)));
    if (!p) return false;
    const kind = kindOf(p.def);
    if (c.face === 'rest' && rng.chance(0.4)) {
      p.set({ kind: 'scalar', xml: '', json: rng.pick([{}, [1], p.def.type === 'boolean' ? 1 : true]) });
      return 'invalid';
    }
    const bad = kind === 'strict' ? rng.pick(BAD_TEXT[p.def.type]!) : `Not${rng.word(3, 8)}`;
    p.set({ kind: 'scalar', xml: bad, json: bad });
    return 'invalid';
  },
  /** Numbers beyond their type's range. */
  'huge-number': (c, rng) => {
    const p = pickPlace(c, rng, (x) => ['long', 'int', 'unsignedByte'].includes(x.def.type));
    if (!p) return false;
    const value = p.def.type === 'long'
      ? rng.pick(['9223372036854775808', '-9223372036854775809', `1${'0'.repeat(rng.int(20, 400))}`, '18446744073709551616'])
      : p.def.type === 'int' ? rng.pick(['2147483648', '-2147483649', '99999999999', `9${'9'.repeat(rng.int(10, 300))}`])
        : rng.pick(['256', '-1', '1000']);
    // As a JSON number too: written as its literal digits (Number() would turn 10^400 into null).
    p.set(c.face === 'rest' && rng.chance(0.3) ? { kind: 'scalar', xml: value, json: null, jsonRaw: value } : { kind: 'scalar', xml: value, json: value });
    return 'invalid';
  },
  /** The edges of a number's range, zero and negatives: valid by the schema. */
  'edge-number': (c, rng) => {
    const p = pickPlace(c, rng, (x) => ['long', 'int'].includes(x.def.type));
    if (!p) return false;
    const value = p.def.type === 'long' ? rng.pick(['-1', '0', '-9223372036854775808', '9223372036854775807', '-42'])
      : rng.pick(['-1', '0', '-2147483648', '2147483647']);
    p.set({ kind: 'scalar', xml: value, json: value });
    return true;
  },
  /** Text in unusual but allowed characters. */
  unicode: (c, rng) => {
    const p = pickPlace(c, rng, (x) => kindOf(x.def) === 'string');
    if (!p) return false;
    const value = rng.pick(['Ünïcödé Ñame', '名前テスト', '😀👩‍👩‍👧‍👦 emoji', 'مرحبا بالعالم', 'e\u0301\u0301\u0301', '\u00a0pad\u3000', 'zero\u200bwidth', '\ufeffbom', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', "quote ' \" & < >", '%_\\%_\\'])
      + rng.word(0, 4);
    p.set({ kind: 'scalar', xml: value, json: value });
    return true;
  },
  /** Characters XML does not allow (NUL, controls, U+FFFE, lone surrogates): refused in both faces. */
  'bad-char': (c, rng) => {
    const p = pickPlace(c, rng, (x) => kindOf(x.def) === 'string');
    if (!p) return false;
    const [ch, ref] = rng.pick([['\u0000', '&#0;'], ['\u0001', '&#x1;'], ['\u001f', '&#x1F;'], ['\ufffe', '&#xFFFE;'], ['\uffff', '&#xFFFF;'], ['\ud800', '&#xD800;'], ['\udfff', '&#xDFFF;']] as const);
    const prefix = rng.word(1, 6);
    p.set({ kind: 'scalar', xml: `${prefix}${ref}`, xmlRaw: true, json: `${prefix}${ch}` });
    return 'invalid';
  },
  /** Thousands of nested elements (SOAP) or arrays (JSON) where a value goes. */
  'deep-nesting': (c, rng) => {
    const p = pickPlace(c, rng, () => true);
    if (!p) return false;
    p.set({ kind: 'nest', depth: rng.pick([50, 200, 1000, 10_000, 50_000]) });
    const kind = kindOf(p.def);
    return c.face === 'rest' || ['string', 'strict', 'enum', 'flags'].includes(kind) ? 'invalid' : true;
  },
  /** An element twice. */
  duplicate: (c, rng) => {
    const p = pickPlace(c, rng, (x) => x.siblings !== undefined);
    if (!p) return false;
    p.siblings!.splice(p.index + 1, 0, { ...p.siblings![p.index]! });
    return true;
  },
  /** An element left out. */
  missing: (c, rng) => {
    const p = pickPlace(c, rng, (x) => x.siblings !== undefined);
    if (!p) return false;
    p.siblings!.splice(p.index, 1);
    return true;
  },
  /** An element in another namespace (a declared prefix of the wrong one). */
  'wrong-namespace': (c, rng) => {
    if (c.face !== 'soap') return false;
    if (rng.chance(0.4)) {
      c.wrapperNs = rng.pick(['ent', 'arrays', 'generic', 'adapi'] as const);
      return 'invalid';
    }
    const p = pickPlace(c, rng, (x) => x.siblings !== undefined);
    if (!p) return false;
    const slot = p.siblings![p.index]!;
    slot.prefix = rng.pick(Object.values(PREFIX).filter((x) => x !== PREFIX[slot.ns]));
    return true;
  },
  /** An element with a prefix no one declared: not namespace-well-formed XML. */
  'undeclared-prefix': (c, rng) => {
    if (c.face !== 'soap') return false;
    const p = pickPlace(c, rng, (x) => x.siblings !== undefined);
    if (!p) return false;
    p.siblings![p.index]!.prefix = rng.pick(['zz', 'q1', 'xmlnsx']);
    return 'invalid';
  },
  /** The body cut short. */
  truncate: (c) => {
    c.bytes = (body, rng) => body.subarray(0, rng.int(1, Math.max(1, body.length - 1)));
    return 'invalid';
  },
  /** Random bytes instead of the body (never only whitespace). */
  'random-bytes': (c) => {
    c.bytes = (_, rng) => {
      const out = rng.bytes(rng.int(1, 2000));
      out[0] = rng.pick([0x00, 0x41, 0x7b, 0x3c, 0xff, 0x80, 0x5b, 0x22]);
      if (out.length === 1 && (out[0] === 0x7b || out[0] === 0x5b || out[0] === 0x22)) out[0] = 0x41;
      return out;
    };
    return 'invalid';
  },
  /** Random bytes spliced into the body. */
  'splice-bytes': (c) => {
    c.bytes = (body, rng) => {
      const at = rng.int(0, body.length);
      return Buffer.concat([body.subarray(0, at), rng.bytes(rng.int(1, 16)), body.subarray(at)]);
    };
    return true;
  },
  /** Bytes that are not UTF-8 inside a text value. */
  'invalid-utf8': (c, rng) => {
    const p = pickPlace(c, rng, (x) => kindOf(x.def) === 'string');
    if (!p) return false;
    const marker = `QQBAD${rng.int(1000, 9999)}QQ`;
    p.set({ kind: 'scalar', xml: `x${marker}`, json: `x${marker}` });
    const bad = Buffer.from(rng.pick([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]));
    c.bytes = (body) => {
      const at = body.indexOf(marker);
      return at < 0 ? body : Buffer.concat([body.subarray(0, at), bad, body.subarray(at + marker.length)]);
    };
    return 'invalid';
  },
  /** Text longer than its element's limit. */
  'huge-string': (c, rng) => {
    const p = pickPlace(c, rng, (x) => kindOf(x.def) === 'string');
    if (!p) return false;
    const max = limitOf(p.limitOwner, p.limitField, 'text').maxLength!;
    const value = rng.pick(['a', 'Zé', '😀', '%', '_']).repeat(rng.chance(0.5) ? max + 1 : max + rng.pick([rng.int(2, 100), rng.int(2, 60_000)]));
    p.set({ kind: 'scalar', xml: value, json: value });
    return 'invalid';
  },
  /** A list longer than its element's limit. */
  'huge-array': (c, rng, world) => {
    const p = pickPlace(c, rng, (x) => kindOf(x.def) === 'array');
    if (!p) return false;
    const max = limitOf(p.limitOwner, p.limitField, 'list').maxItems!;
    const t = typeDef(p.def.type);
    const item = arrayItem(t)!;
    const one = genValue(item, p.def.name, world, rng, 3);
    if (one.kind === 'nil') return false;
    const items = Array.from({ length: max + rng.pick([1, rng.int(2, 20), rng.int(2, 300)]) }, () => one);
    p.set({ kind: 'array', type: p.def.type, item, itemNs: t.ns, items });
    return 'invalid';
  },
  /** No token, a wrong token, no developer token, an unknown SOAP action. */
  credentials: (c, rng) => {
    switch (rng.int(0, 3)) {
      case 0: c.token = undefined; break;
      case 1: c.token = `${c.token ?? ''}x`; break;
      case 2: c.developerToken = rng.chance(0.5) ? undefined : 'WRONG'; break;
      default:
        // The envelope's Action header and wrapper still name the operation: validity is open.
        if (c.face !== 'soap') return false;
        c.soapAction = `${c.operation}${rng.word(1, 4)}`;
        return true;
    }
    return 'invalid';
  },
};

export const MUTATION_NAMES = Object.keys(mutations);
/** Mutations that keep the request valid, applied first sometimes so the main one lands in odd requests. */
const WARM_UPS = ['missing', 'unicode', 'edge-number'];

/** Applies one main mutation (and maybe a harmless one before it) to a fresh valid request. */
export function mutate(c: Case, rng: Prng, world: World, only?: string): void {
  if (!only && rng.chance(0.05)) {
    c.names.push('none');
    return;
  }
  if (rng.chance(0.25)) {
    const warm = rng.pick(WARM_UPS);
    if (mutations[warm]!(c, rng, world)) c.names.push(warm);
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const name = only ?? rng.pick(MUTATION_NAMES);
    const result = mutations[name]!(c, rng, world);
    if (result === false) continue;
    c.names.push(name);
    if (result === 'invalid') c.invalid = true;
    return;
  }
  c.names.push('none');
}

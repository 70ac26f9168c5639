// The REST face writes responses as JSON text in one pass (codec/json-text); it must give exactly
// the text JSON.stringify gives for json-codec's object mapping, for every operation and shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeJsonObject, writeJsonResponse } from '../../src/codec/json-codec.js';
import { writeJsonResponseText, writeJsonValueText } from '../../src/codec/json-text.js';
import { arrayItem, flattenFields, isPrimitive, operationDef, operationNames, typeDef } from '../../src/contract/lookup.js';
import type { ElementDef } from '../../src/contract/model.js';
import { SeededRandom } from '../../src/contract/random-source.js';
import { types } from '../../src/contract/types.js';
import { implementedOperations } from '../../src/domain/operations.js';
import type { OperationName, WireObject, WireValue } from '../../src/contract/values.js';

function same(op: OperationName, response: WireObject): void {
  const text = writeJsonResponseText(op, response);
  assert.equal(text, JSON.stringify(writeJsonResponse(op, response)), op);
  JSON.parse(text);
}

// Text that JSON.stringify escapes (quotes, backslashes, controls, lone surrogates) or passes as
// it is (U+2028, astral characters as pairs, non-ASCII), next to plain text.
const STRINGS = [
  '', 'Acme', 'Acme Shoes & Co', 'Zürich', 'say "hi"', 'back\\slash', 'tab\tnew\nline\rcr', '\u0000\u001f\u007f',
  '\u2028\u2029', '😀 emoji', 'lone \ud800 high', 'lone \udfff low', '\udc00\ud800 reversed', '<xml>&amp;</xml>', ' ',
];
const DECIMALS = ['0', '-0', '1234.5600', '.5', '+3', '-0.001', '00012.3400', '12345678901234567890123456789', '0.1'];
const LONGS = [0n, 1n, -1n, 9007199254740993n, 2n ** 63n - 1n, -(2n ** 63n), 140000001n];
const EDGE_TIMES = [0, -1, 1, -62135596800000, -62135596800001, -62167219200000, 253402300799999, 253402300800000, 8.64e15, -8.64e15, -30610224000000];

/** Random wire values for a contract: every kind of field, absent and null ones among them. */
class Values {
  readonly #random: SeededRandom;
  constructor(seed: string) {
    this.#random = new SeededRandom(seed);
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#random.int(0, items.length)]!;
  }

  /** A field's value, or undefined / null now and then (null only where the contract allows, and sometimes where it does not). */
  field(def: ElementDef, depth: number): WireValue | undefined {
    const roll = this.#random.int(0, 10);
    if (roll === 0) return undefined;
    if (roll === 1) return null;
    return this.value(def.type, depth);
  }

  value(type: string, depth: number): WireValue | undefined {
    if (isPrimitive(type)) {
      switch (type) {
        case 'long': return this.#random.int(0, 2) ? this.#pick(LONGS) : BigInt(this.#random.int(-(2 ** 47), 2 ** 47));
        case 'int': return this.#random.int(-2147483648, 2147483648);
        case 'unsignedByte': return this.#random.int(0, 256);
        case 'decimal': return this.#pick(DECIMALS);
        case 'boolean': return this.#random.int(0, 2) === 1;
        case 'string': return this.#pick(STRINGS);
        case 'dateTime': return new Date(this.#random.int(0, 3) ? this.#random.int(-(2 ** 47), 2 ** 47) : this.#pick(EDGE_TIMES));
        case 'base64Binary': return new Uint8Array(this.#random.bytes(this.#pick([0, 1, 2, 3, 8, 8, 48, 49, 70])));
      }
    }
    const def = typeDef(type);
    if (def.kind === 'enum') return this.#pick(def.values);
    if (def.kind === 'flags') return def.values.filter(() => this.#random.int(0, 2) === 1);
    if (depth > 3) return undefined;
    const item = arrayItem(def);
    if (item) {
      const items: WireValue[] = [];
      for (let n = this.#random.int(0, 4); n > 0; n--) items.push(this.#random.int(0, 4) === 0 ? null : this.value(item.type, depth + 1) ?? null);
      return items;
    }
    return this.object(flattenFields(def).map((f) => f.field), depth + 1);
  }

  object(fields: readonly ElementDef[], depth: number): WireObject {
    const out: WireObject = {};
    for (const field of fields) {
      const v = this.field(field, depth);
      if (v !== undefined) out[field.name] = v;
    }
    return out;
  }
}

describe('REST responses written in one pass', () => {
  it('every implemented operation, unset (value-type defaults, nulls left out)', () => {
    for (const op of implementedOperations) same(op, {});
  });

  it('arrays of entities with longs, enums, nulls, text needing escapes', () => {
    same('FindAccounts', {
      AccountsInfo: [
        { Id: 140000001n, Name: 'Acme "Shoes" \\ Ünïcode\n\u2028', Number: 'F168K7MC', AccountLifeCycleStatus: 'Active', PauseReason: null },
        { Id: 9007199254740993n, Name: '', Number: 'X1', AccountLifeCycleStatus: 'Pause', PauseReason: 2 },
      ],
    });
    same('FindAccounts', { AccountsInfo: [] });
  });

  it('an entity with dates, a nested address, key-value lists and base64 time stamps', () => {
    same('GetAccount', {
      Account: {
        BillToCustomerId: 100000001n, CurrencyCode: 'USD', AccountFinancialStatus: 'ClearFinancialStatus', Id: 140000001n,
        Language: null, LastModifiedByUserId: 200000001n, LastModifiedTime: new Date('2026-11-29T19:00:00.123Z'),
        Name: 'Demo', Number: 'F168K7MC', ParentCustomerId: 100000001n, PaymentMethodId: 300000001n,
        PrimaryUserId: 200000001n, AccountLifeCycleStatus: 'Active', TimeStamp: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 7]),
        TimeZone: 'PacificTimeUSCanadaTijuana', PauseReason: null, LinkedAgencies: [],
        TaxInformation: [{ key: 'VATNumber', value: 'GB123' }],
        BusinessAddress: { City: 'Zürich', CountryCode: 'CH', Id: 600000001n, Line1: 'Bahnhofstrasse 1', PostalCode: '8001', BusinessName: 'B' },
        AutoTagType: 'Inactive', AccountMode: 'Expert', BillingThresholdAmount: '1234.5600',
      },
    });
  });

  it('arrays with nillable items keep their nulls; other arrays drop them', () => {
    // PartialErrors' items (and theirs) are nillable: null marks the link that succeeded.
    same('AddClientLinks', { PartialErrors: [null, [{ Code: 1, Message: 'm' }, null], null, []] });
    assert.equal(writeJsonValueText('ArrayOfArrayOfOperationError', [null, null]), '[null,null]');
    // Key-value pairs and longs are not nillable items: a null among them is dropped.
    same('GetAccount', { Account: { TaxInformation: [null, { key: 'k', value: null }, null] } });
    assert.equal(writeJsonValueText('ArrayOflong', [1n, null, 2n]), '["1","2"]');
    assert.equal(writeJsonValueText('ArrayOflong', [null]), '[]');
  });

  it('flags are written as one "A, B" string (as json-codec writes them)', () => {
    // No response holds a flags value today (AccountAdditionalField is request-only), so the rule is checked directly.
    for (const values of [['AccountMode'], ['TaxCertificate', 'AccountMode', 'CouponClaimInfo'], []]) {
      assert.equal(writeJsonValueText('AccountAdditionalField', values), JSON.stringify(values.join(', ')));
    }
  });

  it('random responses of every operation: every field kind, nulls, unset value types, nesting', () => {
    const values = new Values('json-text responses');
    for (let round = 0; round < 12; round++) {
      for (const op of operationNames) same(op, values.object(operationDef(op).response, 0));
    }
  });

  it('random values of every complex type of the contract, requests\' types included', () => {
    const values = new Values('json-text types');
    for (const [name, def] of Object.entries(types)) {
      if (def.kind !== 'complex' || arrayItem(def)) continue;
      for (let round = 0; round < 8; round++) {
        const value = values.object(flattenFields(def).map((f) => f.field), 0);
        assert.equal(writeJsonValueText(name, value), JSON.stringify(writeJsonObject(name, value)), name);
      }
    }
  });
});

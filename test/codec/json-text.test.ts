// The REST face writes responses as JSON text in one pass (codec/json-text); it must give exactly
// the text JSON.stringify gives for json-codec's object mapping, for every operation and shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeJsonResponse } from '../../src/codec/json-codec.js';
import { writeJsonResponseText } from '../../src/codec/json-text.js';
import { implementedOperations } from '../../src/domain/operations.js';
import type { OperationName, WireObject } from '../../src/contract/values.js';

function same(op: OperationName, response: WireObject): void {
  const text = writeJsonResponseText(op, response);
  assert.equal(text, JSON.stringify(writeJsonResponse(op, response)), op);
  JSON.parse(text);
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
        TaxInformation: [{ Key: 'VATNumber', Value: 'GB123' }],
        BusinessAddress: { City: 'Zürich', CountryCode: 'CH', Id: 600000001n, Line1: 'Bahnhofstrasse 1', PostalCode: '8001', BusinessName: 'B' },
        AutoTagType: 'Inactive', AccountMode: 'Expert',
      },
    });
  });
});

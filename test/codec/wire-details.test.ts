// Wire details the official clients depend on: a dateTime without a UTC offset is read as UTC by
// both readers (WCF accepts xs:dateTime without a zone), and every non-nillable element of a
// response is written — with its value type's default when the service left it unset — while
// nillable ones are nil (SOAP) or left out (JSON) and EmitDefaultValue=false ones are left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonRequest, writeJsonResponse } from '../../src/codec/json-codec.js';
import { readEnvelope, readRequest } from '../../src/codec/soap-reader.js';
import { writeResponse } from '../../src/codec/soap-writer.js';
import { parseXml } from '../../src/codec/xml-tree.js';
import { operationDef } from '../../src/contract/lookup.js';
import { implementedOperations } from '../../src/domain/operations.js';

const CM = 'https://bingads.microsoft.com/Customer/v13';
const ENT = 'https://bingads.microsoft.com/Customer/v13/Entities';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function soapAccount(lastModified: string): Record<string, unknown> {
  const xml = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="${XSI}"><s:Body>`
    + `<UpdateAccountRequest xmlns="${CM}" xmlns:e="${ENT}"><Account><e:LastModifiedTime>${lastModified}</e:LastModifiedTime></Account>`
    + '</UpdateAccountRequest></s:Body></s:Envelope>';
  const request = readRequest('UpdateAccount', readEnvelope(xml, 'UpdateAccount').body);
  return request.Account as Record<string, unknown>;
}

describe('dateTime without a UTC offset', () => {
  const cases: Array<[string, string]> = [
    ['2026-01-02T03:04:05', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.1234567', '2026-01-02T03:04:05.123Z'],
    ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05+02:00', '2026-01-02T01:04:05.000Z'],
  ];

  it('the SOAP reader reads it as UTC, like the zoned forms', () => {
    for (const [input, utc] of cases) assert.equal((soapAccount(input).LastModifiedTime as Date).toISOString(), utc, input);
  });

  it('the JSON reader reads it as UTC, like the zoned forms', () => {
    for (const [input, utc] of cases) {
      const request = readJsonRequest('UpdateAccount', { Account: { LastModifiedTime: input } });
      assert.equal(((request.Account as Record<string, unknown>).LastModifiedTime as Date).toISOString(), utc, input);
    }
  });
});

describe('every element of a response is written', () => {
  it('SOAP: an unset non-nillable long/enum gets its default, nillable ones are nil, EmitDefaultValue=false ones are left out', () => {
    const xml = writeResponse('FindAccountsOrCustomersInfo', 't', { AccountInfoWithCustomerData: [{ CustomerName: 'x' }] });
    const item = parseXml(xml).children[1]!.children[0]!.children[0]!.children[0]!;
    assert.equal(item.local, 'AccountInfoWithCustomerData');
    assert.deepEqual(item.children.map((c) => [c.local, c.attributes.get(`{${XSI}}nil`) ?? c.text]), [
      ['CustomerId', 'true'], ['CustomerName', 'x'], ['AccountId', '0'], ['AccountName', 'true'], ['AccountNumber', 'true'],
      ['AccountLifeCycleStatus', 'Draft'], ['PauseReason', 'true'],
    ]);
  });

  it('SOAP: an unset non-nillable boolean and dateTime are false and 0001-01-01', () => {
    const mfa = writeResponse('GetUserMFAStatus', 't', {});
    assert.match(mfa, /<MFAStatus>false<\/MFAStatus>/);
    const updated = writeResponse('UpdateAccount', 't', {});
    assert.match(updated, /<LastModifiedTime>0001-01-01T00:00:00.0000000Z<\/LastModifiedTime>/);
  });

  it('JSON: the same defaults, nulls left out', () => {
    assert.deepEqual(writeJsonResponse('FindAccountsOrCustomersInfo', { AccountInfoWithCustomerData: [{ CustomerName: 'x', PauseReason: null }] }), {
      AccountInfoWithCustomerData: [{ CustomerName: 'x', AccountId: '0', AccountLifeCycleStatus: 'Draft' }],
    });
  });

  it('every implemented operation\'s response elements are nillable, or are written even when unset', () => {
    for (const op of implementedOperations) {
      const xml = writeResponse(op, 't', {});
      const body = parseXml(xml).children[1]!.children[0]!;
      assert.deepEqual(body.children.map((c) => c.local), operationDef(op).response.map((f) => f.name), op);
    }
  });
});

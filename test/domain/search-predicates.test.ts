// SearchAccounts predicates (reference §3), as plain rules: no server, just predicateFilter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { predicateFilter } from '../../src/domain/accounts/search-predicates.js';
import { assertFault } from '../support/domain-errors.js';

type Pred = { Field: string; Operator: string; Value: string };
const p = (Field: string, Operator: string, Value: string): Pred => ({ Field, Operator, Value });
const filter = (...list: Pred[]) => predicateFilter(list as Parameters<typeof predicateFilter>[0]);

describe('SearchAccounts predicates', () => {
  it('no predicate at all is RequiredPredicateMissing (474)', () => {
    assertFault(() => predicateFilter([]), 'RequiredPredicateMissing');
    assertFault(() => predicateFilter(null), 'RequiredPredicateMissing');
    assertFault(() => predicateFilter([null]), 'RequiredPredicateMissing');
  });

  it('AccountLifeCycleStatus alone is RequiredPredicateMissing (474)', () => {
    assertFault(() => filter(p('AccountLifeCycleStatus', 'Equals', 'Active')), 'RequiredPredicateMissing');
  });

  it('exactly one predicate is allowed, two only when one is AccountLifeCycleStatus (3030)', () => {
    assertFault(() => filter(p('AccountId', 'Equals', '1'), p('CustomerId', 'Equals', '2')), 'PredicateInvalid');
    assertFault(() => filter(p('AccountLifeCycleStatus', 'Equals', 'Active'), p('UserId', 'Equals', '1'), p('AccountId', 'Equals', '1')), 'PredicateInvalid');
    const ok = filter(p('AccountLifeCycleStatus', 'Equals', 'Draft'), p('UserId', 'Equals', '7'));
    assert.deepEqual(ok, { conditions: { lifeCycle: [{ status: 'Draft' }] }, userId: 7n });
  });

  it('an unsupported field is PredicateInvalid (3030)', () => {
    for (const field of ['Bogus', 'MarketCountry', '']) assertFault(() => filter(p(field, 'Equals', 'abcd')), 'PredicateInvalid');
  });

  it('each field takes only its documented operators', () => {
    const refused: Array<[string, string]> = [
      ['AccountId', 'Contains'], ['AccountName', 'StartsWith'], ['AccountName', 'NotEquals'], ['AccountName', 'In'],
      ['CustomerId', 'In'], ['UserId', 'In'], ['AccountLifeCycleStatus', 'Contains'],
    ];
    for (const [field, operator] of refused) {
      assertFault(() => filter(p(field, operator, '12345'), p('UserId', 'Equals', '1')).conditions, 'PredicateInvalid');
    }
    assert.deepEqual(filter(p('AccountNumber', 'In', 'A1,B2')).conditions, { numberEquals: ['A1', 'B2'] });
  });

  it('an empty value is PredicateInvalid', () => {
    assertFault(() => filter(p('AccountName', 'Equals', '  ')), 'PredicateInvalid');
  });

  it('a Contains value shorter than four characters is PredicateInvalid', () => {
    assertFault(() => filter(p('AccountName', 'Contains', 'rav')), 'PredicateInvalid');
    assert.deepEqual(filter(p('AccountName', 'Contains', 'bRAv')).conditions, { nameContains: 'bRAv' });
    assert.deepEqual(filter(p('AccountNumber', 'Contains', 'X123')).conditions, { numberContains: 'X123' });
  });

  it('In takes at most 10 values, separated by commas with optional spaces', () => {
    const ten = Array.from({ length: 10 }, (_, i) => String(i + 1));
    assert.deepEqual(filter(p('AccountId', 'In', ten.join(', '))).conditions, { ids: ten.map(BigInt) });
    assertFault(() => filter(p('AccountId', 'In', [...ten, '11'].join(','))), 'PredicateInvalid');
  });

  it('ids must be 64-bit identifiers', () => {
    assert.deepEqual(filter(p('CustomerId', 'Equals', '9223372036854775807')).conditions, { customerId: 2n ** 63n - 1n });
    for (const field of ['AccountId', 'CustomerId', 'UserId']) {
      assertFault(() => filter(p(field, 'Equals', '9999999999999999999')), 'PredicateInvalid');
      assertFault(() => filter(p(field, 'Equals', 'abc')), 'PredicateInvalid');
      assertFault(() => filter(p(field, 'Equals', '-1')), 'PredicateInvalid');
    }
  });

  it('AccountName Equals and Contains, AccountNumber Equals become name and number conditions', () => {
    assert.deepEqual(filter(p('AccountName', 'Equals', ' Alpha ')).conditions, { nameEquals: 'Alpha' });
    assert.deepEqual(filter(p('AccountNumber', 'Equals', 'F1234567')).conditions, { numberEquals: ['F1234567'] });
  });

  it('UserId Equals limits the search to the accounts that user reaches', () => {
    assert.deepEqual(filter(p('UserId', 'Equals', '42')), { conditions: {}, userId: 42n });
  });

  it('status Active also means paused by billing (PauseReason 2); Pause means PauseReason 1 and 4', () => {
    const user = p('UserId', 'Equals', '1');
    assert.deepEqual(filter(p('AccountLifeCycleStatus', 'Equals', 'Active'), user).conditions.lifeCycle,
      [{ status: 'Active' }, { status: 'Pause', pauseReasons: [2] }]);
    assert.deepEqual(filter(p('AccountLifeCycleStatus', 'Equals', 'Pause'), user).conditions.lifeCycle,
      [{ status: 'Pause', pauseReasons: [1, 4] }]);
    assert.deepEqual(filter(user, p('AccountLifeCycleStatus', 'Equals', 'Suspended')).conditions.lifeCycle, [{ status: 'Suspended' }]);
  });

  it('an AccountLifeCycleStatus outside the enumeration is PredicateInvalid', () => {
    assertFault(() => filter(p('AccountLifeCycleStatus', 'Equals', 'Sleeping'), p('UserId', 'Equals', '1')), 'PredicateInvalid');
  });
});

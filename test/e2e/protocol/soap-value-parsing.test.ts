// How SOAP values are read: .NET's 7-digit dateTimes, strings where numbers go (201
// ApiInputValidationError naming the element), and long xs:list values read in linear time.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { ADAPI, ENT, find, type SoapCredentials } from '../../support/clients.js';
import {
  expectFault, expectOk, itLeaksNoStackTrace, useSoapProtocolWorld, type SoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { call, unique, accountCount, accountNamed, addAccountBody } = world;
let store: Store;
let admin: SoapCredentials;
let demo: SoapProtocolWorld['demo'];
before(async () => { await world.started(); ({ store, admin, demo } = world); });

describe('SOAP values', () => {
  it('accepts a dateTime with 7 fractional digits (as .NET sends), and refuses a malformed one with 201', async () => {
    for (const stamp of ['2024-01-02T03:04:05.1234567', '2024-01-02T03:04:05.1234567Z', '2024-01-02T03:04:05.1234567+02:00']) {
      const name = unique('Seven Digits');
      expectOk(await call('AddAccount', addAccountBody(name, `<e:LastModifiedTime>${stamp}</e:LastModifiedTime>`), admin), 'AddAccount');
      assert.ok(await accountNamed(name));
    }
    const bad = unique('Bad Date');
    const r = await call('AddAccount', addAccountBody(bad, '<e:LastModifiedTime>2024-13-45T03:04:05.1234567</e:LastModifiedTime>'), admin);
    expectFault(r, 201, 'AdApiFaultDetail');
    assert.match(find(r.root, 'Detail', ADAPI)?.text ?? '', /Account\.LastModifiedTime/);
    assert.equal(await accountNamed(bad), false);
  });

  it('a string where a long goes is 201 ApiInputValidationError naming the element, and stores nothing', async () => {
    const before = await accountCount();
    const body = addAccountBody(unique('Not A Long')).replace(`<e:ParentCustomerId>${demo.customerId}</e:ParentCustomerId>`, '<e:ParentCustomerId>abc</e:ParentCustomerId>');
    const r = await call('AddAccount', body, admin);
    expectFault(r, 201, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'ApiInputValidationError');
    assert.match(find(r.root, 'Detail', ADAPI)?.text ?? '', /Account\.ParentCustomerId/);
    assert.equal(await accountCount(), before);
    // Out of range for a 64-bit long, and a number where an int goes.
    expectFault(await call('AddAccount', body.replace('>abc<', '>99999999999999999999<'), admin), 201, 'AdApiFaultDetail');
    const topN = await call('FindAccounts', '<AccountFilter/><TopN>1.5</TopN>', admin);
    expectFault(topN, 201, 'AdApiFaultDetail');
    assert.match(find(topN.root, 'Detail', ADAPI)?.text ?? '', /TopN/);
  });

  it('reads many repeated xs:list elements in linear time (no quadratic blow-up)', async () => {
    const [account] = await store.queryAccounts({ scope: { customerIds: [demo.customerId], accountIds: [] }, limit: 1 });
    const count = 16_000; // about 1 MB: just under the default body limit
    const timed = async (inner: string): Promise<number> => {
      const started = performance.now();
      const r = await call('GetAccount', `<AccountId>${account!.id}</AccountId>${inner}`, admin);
      const ms = performance.now() - started;
      assert.equal(find(expectOk(r, 'GetAccount'), 'AccountMode', ENT)?.text, account!.accountMode);
      return ms;
    };
    const spacedXml = `<ReturnAdditionalFields>${Array(count).fill('AccountMode').join(' ')}</ReturnAdditionalFields>`;
    const repeatedXml = '<ReturnAdditionalFields>AccountMode</ReturnAdditionalFields>'.repeat(count);
    // One untimed round of each first: this file's server is fresh, and a cold parser (JIT, first
    // large buffers) would be timed rather than the algorithm.
    await timed(spacedXml);
    await timed(repeatedXml);
    const spaced = await timed(spacedXml);
    const repeated = await timed(repeatedXml);
    // Copying the list once per element took ~1.5 s here; linear reading takes ~0.1 s.
    assert.ok(repeated < Math.max(700, 8 * spaced), `repeated elements took ${Math.round(repeated)} ms (space-separated: ${Math.round(spaced)} ms)`);
  });
});

itLeaksNoStackTrace(world, 8);

// Hostile and malformed XML: DTDs, entity expansion (billion laughs), external and parameter entities
// (XXE), malformed or non-SOAP-1.1 documents and deep nesting are all refused with 100, quickly,
// echoing nothing and storing nothing.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CM, envelope, type SoapCredentials } from '../../support/clients.js';
import {
  expectFault, itLeaksNoStackTrace, useSoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { postRaw, accountCount, addAccountBody } = world;
let admin: SoapCredentials;
before(async () => { await world.started(); ({ admin } = world); });

describe('hostile and malformed input', () => {
  const secret = 'root:x:0:0';
  function hostileAddAccount(doctype: string, nameContent: string): string {
    return `<?xml version="1.0"?>${doctype}` + envelope('AddAccount', addAccountBody(nameContent), admin);
  }

  for (const [label, doctype, content] of [
    ['a plain DTD', '<!DOCTYPE s:Envelope>', 'Plain Doctype'],
    ['an internal entity declaration (billion laughs)', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
      + '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
      + '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
      + '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
      + '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>', '&lol9;'],
    ['an external entity (XXE)', '<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'Leak &xxe; End'],
    ['a parameter entity', '<!DOCTYPE s:Envelope [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', 'Param Entity'],
  ] as const) {
    it(`refuses ${label} with 100 NullRequest, quickly, echoing nothing and storing nothing`, async () => {
      const before = await accountCount();
      const r = await postRaw(hostileAddAccount(doctype, content));
      expectFault(r, 100, 'AdApiFaultDetail');
      assert.ok(r.ms < 2_000, `answered in ${Math.round(r.ms)} ms`);
      assert.ok(!r.text.includes(secret), 'file content echoed');
      assert.ok(!r.text.includes('lollollol'), 'entity expansion echoed');
      assert.ok(r.text.length < 4_000, 'the answer is a plain fault');
      assert.equal(await accountCount(), before);
    });
  }

  it('refuses malformed XML with 100', async () => {
    for (const body of [
      envelope('GetUser', '<UserId>', admin),
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body></s:Envelope>',
      'not xml at all',
      '',
      `${envelope('GetUser', '', admin)}<second/>`,
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x:Foo/></s:Body></s:Envelope>',
    ]) {
      const r = await postRaw(body);
      expectFault(r, 100, 'AdApiFaultDetail');
    }
  });

  it('refuses an XML document that is not a SOAP 1.1 envelope with a fault', async () => {
    for (const body of [
      `<GetUserRequest xmlns="${CM}"><UserId/></GetUserRequest>`,
      `<Envelope><Body><GetUserRequest xmlns="${CM}"/></Body></Envelope>`,
      // SOAP 1.2 namespace.
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetUserRequest xmlns="${CM}"/></s:Body></s:Envelope>`,
    ]) {
      const r = await postRaw(body);
      expectFault(r, 100, 'AdApiFaultDetail');
    }
  });

  it('refuses a very deeply nested document with a fault', async () => {
    const deep = `${'<e:X>'.repeat(500)}${'</e:X>'.repeat(500)}`;
    const r = await postRaw(envelope('AddAccount', `<Account>${deep}</Account>`, admin));
    expectFault(r, 100, 'AdApiFaultDetail');
  });
});

itLeaksNoStackTrace(world, 14);

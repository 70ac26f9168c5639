// XML text escaping of the SOAP writer (codec/soap-writer escapeXml): &, <, >, " and CR as
// references, everything else as it is, whether or not the text needs any escape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, writeResponse } from '../../src/codec/soap-writer.js';
import { SeededRandom } from '../../src/contract/random-source.js';

const REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' };

function reference(text: string): string {
  return [...text].map((c) => REFERENCES[c] ?? c).join('');
}

describe('XML text escaping', () => {
  it('matches a character-by-character escape for random text, with and without special characters', () => {
    const random = new SeededRandom('escapeXml');
    const alphabet = ['a', 'Z', ' ', '&', '<', '>', '"', "'", '\r', '\n', '\t', 'ü', '😀', ';', '#'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const plain = random.int(0, 2) === 0;
      for (let n = random.int(0, 30); n > 0; n--) text += alphabet[random.int(0, plain ? 3 : alphabet.length)];
      assert.equal(escapeXml(text), reference(text), JSON.stringify(text));
    }
    assert.equal(escapeXml('R&D <Team> "x"\r\n'), 'R&amp;D &lt;Team&gt; &quot;x&quot;&#xD;\n');
    assert.equal(escapeXml('plain text'), 'plain text');
  });

  it('a response writes escaped text in elements, plain text as it is', () => {
    const xml = writeResponse('FindAccounts', 't&1', { AccountsInfo: [{ Id: 1n, Name: 'A & B <c>', Number: 'N1', AccountLifeCycleStatus: 'Active' }] });
    assert.ok(xml.includes('<a:Name>A &amp; B &lt;c&gt;</a:Name><a:Number>N1</a:Number>'), xml);
    assert.ok(xml.includes('<TrackingId xmlns="https://bingads.microsoft.com/Customer/v13">t&amp;1</TrackingId>'), xml);
  });
});

// The OAuth server's pure rules: PKCE (RFC 7636's own example), redirect URI registration and
// matching, and scope parsing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OAuthError } from '../../src/auth/oauth/errors.js';
import { isPkceValue, s256, verifierMatches } from '../../src/auth/oauth/pkce.js';
import { matchRedirectUri, redirectUriProblem } from '../../src/auth/oauth/redirect-uris.js';
import { isSubset, parseScope, reachesApi } from '../../src/auth/oauth/scopes.js';

describe('PKCE', () => {
  it('matches RFC 7636 Appendix B', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    assert.equal(s256(verifier), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    assert.equal(verifierMatches('S256', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', verifier), true);
    assert.equal(verifierMatches('S256', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', `${verifier.slice(0, -1)}Y`), false);
    assert.equal(verifierMatches('plain', verifier, verifier), true);
    assert.equal(verifierMatches('plain', verifier, 'x'), false, 'too short to be a verifier');
  });

  it('accepts 43 to 128 unreserved characters only', () => {
    assert.equal(isPkceValue('a'.repeat(43)), true);
    assert.equal(isPkceValue('a'.repeat(128)), true);
    assert.equal(isPkceValue('a'.repeat(42)), false);
    assert.equal(isPkceValue('a'.repeat(129)), false);
    assert.equal(isPkceValue(`${'a'.repeat(42)}+`), false);
    assert.equal(isPkceValue(`${'a'.repeat(40)}-._~`), true);
  });
});

describe('redirect URIs', () => {
  it('registers https, loopback http and private-use schemes; refuses the rest', () => {
    for (const ok of ['https://app.example/cb', 'http://localhost', 'http://127.0.0.1:8400/x', 'http://[::1]/cb',
      'https://login.microsoftonline.com/common/oauth2/nativeclient', 'msal00000000-0000-0000-0000-000000000000://auth', 'com.example.app:/oauth2redirect']) {
      assert.equal(redirectUriProblem(ok), null, ok);
    }
    for (const bad of ['http://app.example/cb', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative',
      'https://app.example/cb#frag', 'https://user:pw@app.example/', `https://app.example/${'a'.repeat(260)}`, 'https://app.example/a b']) {
      assert.notEqual(redirectUriProblem(bad), null, bad);
    }
  });

  it('matches exactly, except any port on a registered loopback URI with the same path', () => {
    const registered = ['https://app.example/cb', 'http://localhost/callback', 'http://127.0.0.1:5000/x'];
    assert.equal(matchRedirectUri(registered, 'https://app.example/cb'), 'https://app.example/cb');
    assert.equal(matchRedirectUri(registered, 'https://app.example/cb/'), null);
    assert.equal(matchRedirectUri(registered, 'https://APP.example/cb'), null);
    assert.equal(matchRedirectUri(registered, 'https://app.example:443/cb'), null);
    assert.equal(matchRedirectUri(registered, 'https://app.example/cb?x=1'), null);
    assert.equal(matchRedirectUri(registered, 'http://localhost:49152/callback'), 'http://localhost:49152/callback');
    assert.equal(matchRedirectUri(registered, 'http://localhost:49152/other'), null);
    assert.equal(matchRedirectUri(registered, 'http://127.0.0.1:1234/x'), 'http://127.0.0.1:1234/x');
    assert.equal(matchRedirectUri(registered, 'http://127.0.0.1:1234/callback'), null, 'host must match too');
    assert.equal(matchRedirectUri(registered, 'https://localhost:49152/callback'), null);
    assert.equal(matchRedirectUri(registered, 'http://localhost.evil.example:80/callback'), null);
    assert.equal(matchRedirectUri(registered, 'http://localhost:1/callback#x'), null);
  });
});

describe('scopes', () => {
  it('canonicalises and de-duplicates, keeping request order', () => {
    assert.deepEqual(parseScope('  OFFLINE_ACCESS https://SI.ads.microsoft.com/msads.manage offline_access openid'),
      ['offline_access', 'https://si.ads.microsoft.com/msads.manage', 'openid']);
    assert.deepEqual(parseScope('bingads.manage'), ['bingads.manage']);
    assert.equal(reachesApi(parseScope('https://ads.microsoft.com/msads.manage'), 'sandbox'), false);
    assert.equal(reachesApi(parseScope('https://ads.microsoft.com/msads.manage'), 'production'), true);
    assert.equal(isSubset(['openid'], ['openid', 'offline_access']), true);
    assert.equal(isSubset(['email'], ['openid']), false);
  });

  it('refuses unknown scopes and requests without a Microsoft Advertising scope (invalid_scope)', () => {
    for (const bad of ['', 'openid offline_access', 'https://graph.microsoft.com/User.Read', 'https://ads.microsoft.com/.default x']) {
      assert.throws(() => parseScope(bad), (err: unknown) => err instanceof OAuthError && err.error === 'invalid_scope' && err.code === 70011, bad);
    }
  });
});

// The web application's small pure parts: the sign-in limiter's window, the `return` check that
// keeps sign-in from being an open redirect, and which requests to `/` get the web application.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FailureCounter, SignInLimiter } from '../../src/web/rate-limit.js';
import { safeReturn } from '../../src/web/return-url.js';
import { wantsHtml } from '../../src/web/application.js';

describe('sign-in rate limit', () => {
  it('refuses after the limit inside the window and forgets failures older than the window', () => {
    let now = 1_000_000;
    const counter = new FailureCounter({ maxFailures: 3, windowMs: 60_000 }, 100, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(counter.retryAfterSeconds('k'), 0);
      counter.recordFailure('k');
      now += 10_000;
    }
    // Failures at 0 s, 10 s, 20 s; now 30 s: the oldest leaves the window at 60 s.
    assert.equal(counter.retryAfterSeconds('k'), 30);
    now += 30_000;
    assert.equal(counter.retryAfterSeconds('k'), 0);
    assert.equal(counter.retryAfterSeconds('other'), 0);
  });

  it('limits per user name (case-insensitively) and per address; success clears the name and its own attempt', () => {
    let now = 0;
    const limiter = new SignInLimiter({
      perUserName: { maxFailures: 2, windowMs: 1000 }, perAddress: { maxFailures: 3, windowMs: 1000 },
    }, () => now);
    limiter.recordAttempt('Ann@Example.test', '10.0.0.1');
    limiter.recordAttempt('ann@example.test', '10.0.0.2');
    assert.ok(limiter.retryAfterSeconds('ANN@example.test', '10.0.0.9') > 0, 'name locked from any address');
    assert.equal(limiter.retryAfterSeconds('bob@example.test', '10.0.0.1'), 0);
    limiter.recordAttempt('ann@example.test', '10.0.0.9');
    limiter.recordSuccess('ann@example.test', '10.0.0.9');
    assert.equal(limiter.retryAfterSeconds('ann@example.test', '10.0.0.9'), 0);
    // The successful attempt was taken back at its address: two more failures there are allowed.
    limiter.recordAttempt('x', '10.0.0.9');
    limiter.recordAttempt('y', '10.0.0.9');
    assert.equal(limiter.retryAfterSeconds('z', '10.0.0.9'), 0);
    limiter.recordAttempt('w', '10.0.0.9');
    assert.ok(limiter.retryAfterSeconds('z', '10.0.0.9') > 0);
    for (const name of ['c1', 'c2', 'c3']) limiter.recordAttempt(name, '10.0.0.5');
    assert.ok(limiter.retryAfterSeconds('someone-new', '10.0.0.5') > 0, 'address locked for every name');
    now += 1001;
    assert.equal(limiter.retryAfterSeconds('someone-new', '10.0.0.5'), 0);
  });

  it('keeps at most maxKeys keys, dropping the least recently failing', () => {
    const counter = new FailureCounter({ maxFailures: 1, windowMs: 60_000 }, 2, () => 0);
    counter.recordFailure('a');
    counter.recordFailure('b');
    counter.recordFailure('a');
    counter.recordFailure('c');
    assert.equal(counter.retryAfterSeconds('b'), 0, 'b was evicted');
    assert.ok(counter.retryAfterSeconds('a') > 0);
    assert.ok(counter.retryAfterSeconds('c') > 0);
  });
});

describe('return URL after sign-in', () => {
  it('keeps paths on this site, with their query', () => {
    assert.equal(safeReturn('/accounts?cid=1&aid=2'), '/accounts?cid=1&aid=2');
    assert.equal(safeReturn('/common/oauth2/v2.0/authorize?client_id=x&redirect_uri=http%3A%2F%2Flocalhost%2Fcb'),
      '/common/oauth2/v2.0/authorize?client_id=x&redirect_uri=http%3A%2F%2Flocalhost%2Fcb');
  });
  it('refuses everything that could leave the site', () => {
    for (const bad of [
      'https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example',
      'javascript:alert(1)', 'evil.example', '', null, undefined, `/${'a'.repeat(5000)}`,
    ]) assert.equal(safeReturn(bad), null, String(bad));
  });
});

describe('landing page negotiation', () => {
  it('sends browsers (text/html listed) to the web application, API clients to the JSON', () => {
    assert.equal(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'), true);
    assert.equal(wantsHtml('application/json'), false);
    assert.equal(wantsHtml('*/*'), false);
    assert.equal(wantsHtml(undefined), false);
  });
});

describe('invitation links', () => {
  it('use the configured public URL, normalised, or the fallback outside a request', async () => {
    const { normalizePublicUrl } = await import('../../src/cli/serve.js');
    const { acceptanceLink } = await import('../../src/domain/invitations/invitation-message.js');
    assert.equal(normalizePublicUrl('https://ads.example.com/'), 'https://ads.example.com');
    assert.equal(normalizePublicUrl('https://ads.example.com/adcenter/'), 'https://ads.example.com/adcenter');
    assert.equal(normalizePublicUrl(undefined), undefined);
    assert.throws(() => normalizePublicUrl('ftp://ads.example.com'), /http or https/);
    assert.equal(acceptanceLink('https://ads.example.com', 'a+b'), 'https://ads.example.com/invitations/accept?token=a%2Bb');
    assert.equal(acceptanceLink(undefined, 'x'), 'http://127.0.0.1:8080/invitations/accept?token=x');
  });
});

describe('request log lines', () => {
  it('never carry the values of secret query parameters', async () => {
    const { redactUrl } = await import('../../src/http/log-serializers.js');
    assert.equal(redactUrl('/invitations/accept?token=s3cr3t'), '/invitations/accept?token=[redacted]');
    assert.equal(redactUrl('/x?a=1&Code=abc&client_secret=z&b'), '/x?a=1&Code=[redacted]&client_secret=[redacted]&b');
    assert.equal(redactUrl('/x?%74oken=s3cr3t'), '/x?%74oken=[redacted]');
    assert.equal(redactUrl('/accounts?cid=1&aid=2'), '/accounts?cid=1&aid=2');
    assert.equal(redactUrl('/health'), '/health');
  });
});

// `serve --no-signin-limit` (issue 11): with it, any number of failed web sign-ins never locks a
// name out (test suites sign in many times); without it, the sixth failure in a row gets 429.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../support/server.js';
import { demoPassword, DEMO_USER_NAME, signInOverHttp } from '../../support/web-sign-in.js';

const FAILURES = 7;

describe('serve --no-signin-limit', () => {
  for (const limited of [false, true]) {
    it(limited ? 'default: after 5 failures the name is locked (429 with Retry-After)' : `--no-signin-limit: ${FAILURES} failures, then the right password still signs in`, async () => {
      const server = await startServer(limited ? {} : { args: ['--no-signin-limit'] });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < FAILURES; i++) statuses.push((await signInOverHttp(server, DEMO_USER_NAME, `wrong ${i}`)).posted.status);
        const right = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
        if (limited) {
          assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
          assert.equal(right.posted.status, 429);
          assert.ok(Number(right.posted.headers.get('retry-after')) > 0);
        } else {
          assert.deepEqual(statuses, Array<number>(FAILURES).fill(401));
          assert.equal(right.posted.status, 303);
          assert.ok(right.sessionCookie);
        }
      } finally {
        await server.stop();
      }
    });
  }
});

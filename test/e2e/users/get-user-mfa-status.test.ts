// GetUserMFAStatus on the real server, over REST and SOAP together
// (docs/behaviour.md "User management").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../support/clients.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('GetUserMFAStatus over REST and SOAP', () => {
  it('is false over REST and SOAP, for a Viewer and a Super Admin alike (no user signs in with MFA here)', async () => {
    const { call } = world;
    for (const token of [world.viewer.token, world.admin]) {
      const res = await call.rest('GetUserMFAStatus', {}, token);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.MFAStatus, false);
      const soap = await call.soap('GetUserMFAStatus', '', token);
      assert.equal(soap.status, 200, soap.text);
      assert.equal(text(soap.root, 'MFAStatus'), 'false');
    }
  });
});

// Contract: the outbox of sent messages (append, list newest first, filter by recipient).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uniq, type Ctx } from './fixtures.js';

export function outboxTests(ctx: Ctx): void {
  describe('outbox', () => {
    it('appends messages and lists them newest first, by recipient case-insensitively, up to a limit', async () => {
      const to = `${uniq('Ann.')}@Example.com`;
      const other = `${uniq('bob.')}@example.com`;
      const first = await ctx.store.insertOutboxMessage({ to, subject: 'Welcome', body: 'Line 1\nhttps://x/y?a=1&b=2', createdTime: new Date(1700000000001) });
      assert.ok(first.id >= 800000001n && first.id < 900000000n, `id ${first.id}`);
      assert.deepEqual(first, { id: first.id, to, subject: 'Welcome', body: 'Line 1\nhttps://x/y?a=1&b=2', createdTime: new Date(1700000000001) });
      const second = await ctx.store.insertOutboxMessage({ to: to.toLowerCase(), subject: 'Ünïcode ✓', body: '', createdTime: new Date(1700000000002) });
      const third = await ctx.store.insertOutboxMessage({ to: other, subject: "x'); DROP TABLE outbox_messages;--", body: 'b', createdTime: new Date() });

      assert.deepEqual(await ctx.store.listOutboxMessages({ to: to.toUpperCase(), limit: 10 }), [second, first]);
      assert.deepEqual(await ctx.store.listOutboxMessages({ to, limit: 1 }), [second]);
      assert.deepEqual(await ctx.store.listOutboxMessages({ to: other, limit: 10 }), [third]);
      assert.deepEqual(await ctx.store.listOutboxMessages({ to: uniq('nobody'), limit: 10 }), []);
      assert.deepEqual(await ctx.store.listOutboxMessages({ to, limit: 0 }), []);
      // Without a recipient: the newest messages of everyone.
      assert.deepEqual(await ctx.store.listOutboxMessages({ limit: 2 }), [third, second]);
    });
  });
}

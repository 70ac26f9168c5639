// The emulator's own state API under /_adcenter: POST reset (the store back to its seed, the
// clock and the random sequence back to their start) and GET/POST clock (freeze, set, advance).
// Answers are plain JSON. Registered inside the admin API (admin-api.ts), behind its gate: open in
// the sandbox, off in production unless --admin-token is given.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClockState, ServerClock } from '../../contract/clock.js';
import type { AdminRoutes } from './admin-api.js';

export interface StateRoutesOptions {
  clock: ServerClock;
  /** Empties the store and applies its seed again; returns lines describing what was created. */
  reset(): Promise<string[]>;
}

/** POST /_adcenter/clock's body; the changes apply in this order: reset, set, advanceSeconds, freeze. */
interface ClockChange {
  reset?: boolean;
  set?: string;
  advanceSeconds?: number;
  freeze?: boolean;
}

class BadRequest extends Error {}

export function stateRoutes(options: StateRoutesOptions): AdminRoutes {
  return async (app: FastifyInstance) => register(app, options);
}

async function register(app: FastifyInstance, options: StateRoutesOptions): Promise<void> {
  app.setErrorHandler(async (err, _req, reply) => {
    const status = err instanceof BadRequest ? 400 : (err as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: status === 400 ? 'bad_request' : 'error', message: err instanceof Error ? err.message : String(err) });
  });

  app.post('/reset', async () => ({ reset: true, lines: await options.reset(), clock: options.clock.state() }));

  app.get('/clock', async (): Promise<ClockState> => options.clock.state());
  app.post('/clock', async (req: FastifyRequest, reply: FastifyReply) => {
    const change = clockChange(req.body);
    const clock = options.clock;
    if (change.reset === true) clock.reset();
    // Set and freeze together stand still at exactly the time given.
    if (change.set !== undefined) {
      if (change.freeze === true) clock.freezeAt(new Date(change.set));
      else clock.set(new Date(change.set));
    }
    if (change.advanceSeconds !== undefined) clock.advance(change.advanceSeconds * 1000);
    if (change.freeze === true) clock.freeze();
    if (change.freeze === false) clock.thaw();
    return reply.send(clock.state());
  });
}

function clockChange(body: unknown): ClockChange {
  let value: unknown = {};
  if (typeof body === 'string' && body.trim() !== '') {
    try { value = JSON.parse(body); } catch { throw new BadRequest('The body must be JSON.'); }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequest('The body must be a JSON object.');
  const known = new Set(['reset', 'set', 'advanceSeconds', 'freeze']);
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!known.has(key)) throw new BadRequest(`Unknown field ${key}; expected reset, set, advanceSeconds, freeze.`);
  if (o.reset !== undefined && typeof o.reset !== 'boolean') throw new BadRequest('reset must be true or false.');
  if (o.freeze !== undefined && typeof o.freeze !== 'boolean') throw new BadRequest('freeze must be true or false.');
  if (o.set !== undefined && (typeof o.set !== 'string' || Number.isNaN(Date.parse(o.set)))) throw new BadRequest('set must be an ISO 8601 date-time.');
  if (o.advanceSeconds !== undefined && (typeof o.advanceSeconds !== 'number' || !Number.isFinite(o.advanceSeconds))) {
    throw new BadRequest('advanceSeconds must be a number (negative moves back).');
  }
  return o as ClockChange;
}

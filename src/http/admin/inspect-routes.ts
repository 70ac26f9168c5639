// /_adcenter/requests (the request log) and /_adcenter/faults (fault injection).
import type { FastifyInstance } from 'fastify';
import type { RequestLog } from '../../codec/request-log/request-log.js';
import { FaultRuleError, parseFaultRule, type FaultRules } from '../inspect/fault-rules.js';
import { badRequest, jsonBody, type AdminRoutes } from './admin-api.js';

export interface Inspection {
  readonly requestLog: RequestLog;
  readonly faults: FaultRules;
}

export function inspectRoutes(inspection: Inspection): AdminRoutes {
  return (app: FastifyInstance) => {
    app.get('/requests', async (req, reply) => {
      const q = req.query as Record<string, string | undefined>;
      let limit: number | undefined;
      if (q.limit !== undefined) {
        limit = Number(q.limit);
        if (!Number.isInteger(limit) || limit < 1) return badRequest(reply, 'limit must be a whole number of at least 1.');
      }
      if (q.status !== undefined && !/^([1-5]\d\d|[1-5]xx)$/i.test(q.status)) {
        return badRequest(reply, 'status must be an HTTP status (500) or a class (4xx).');
      }
      return {
        requests: inspection.requestLog.list({
          trackingId: q.trackingId || undefined, operation: q.operation || undefined, status: q.status || undefined,
          userName: q.userName || undefined, limit,
        }),
      };
    });

    app.get('/faults', async () => ({ faults: inspection.faults.list() }));
    app.post('/faults', async (req, reply) => {
      try {
        return await reply.code(201).send({ fault: inspection.faults.add(parseFaultRule(jsonBody(req))) });
      } catch (err) {
        if (err instanceof FaultRuleError) return badRequest(reply, err.message);
        throw err;
      }
    });
    app.delete('/faults', async () => {
      inspection.faults.clear();
      return { faults: [] };
    });
  };
}

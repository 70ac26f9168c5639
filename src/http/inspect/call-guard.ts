// The step of invoke() between authentication and the operation: injected faults and latency
// (fault-rules.ts), then the per-user call-rate limit (call-window.ts). Both need the caller, so an
// unauthenticated call gets its authentication fault first, as the service throttles users.
import { ApiError } from '../../contract/api-error.js';
import type { OperationName } from '../../contract/values.js';
import type { UserRecord } from '../../store/records.js';
import type { CallWindow } from './call-window.js';
import type { FaultRules } from './fault-rules.js';

export interface CallGuards {
  readonly faults?: FaultRules | undefined;
  readonly callWindow?: CallWindow | undefined;
}

export async function guardCall(guards: CallGuards, operation: OperationName, user: UserRecord): Promise<void> {
  const injection = guards.faults?.take(operation, user.userName);
  if (injection) {
    if (injection.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, injection.latencyMs));
    if (injection.fault) throw new ApiError(injection.fault);
  }
  if (guards.callWindow && !(await guards.callWindow.admit(user.id.toString()))) throw new ApiError('CallRateExceeded');
}

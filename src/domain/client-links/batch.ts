// AddClientLinks and UpdateClientLinks answer with partial success: "OperationErrors: … why the
// service operation failed, and no client links were added"; "PartialErrors: … in the same order
// corresponding to the requested client links. The number of first dimension list elements is
// equal to the requested client links count. For successfully added client links, the
// OperationError element at the corresponding index is null."
import { ApiError, type ErrorEntry } from '../../contract/api-error.js';
import { faults, type FaultName } from '../../contract/faults.js';
import type { Entity, ResponseOf } from '../../contract/values.js';

/** "You should limit your request to 10 client links per call." */
export const MAX_LINKS_PER_CALL = 10;

type OperationError = Entity<'OperationError'>;
type BatchResponse = ResponseOf<'AddClientLinks'>;

export function operationError(fault: FaultName, details?: string): OperationError {
  return { Code: faults[fault].code, Details: details ?? null, Message: faults[fault].message };
}

function entryError(entry: ErrorEntry): OperationError {
  return operationError(entry.fault, entry.details);
}

/** The whole request refused: no link was looked at, so there is no per-link verdict. */
function refused(fault: FaultName, details: string): BatchResponse {
  return { OperationErrors: [operationError(fault, details)], PartialErrors: [] };
}

/**
 * Runs `each` on every link in order (so a later link sees what an earlier one wrote); an ApiError
 * becomes that link's PartialErrors entry, success a null entry.
 */
export async function runBatch<T>(
  links: readonly (T | null)[] | null | undefined, each: (link: T) => Promise<void>,
): Promise<BatchResponse> {
  if (!links || links.length === 0) return refused('ListNullOrEmpty', 'ClientLinks must contain at least one client link.');
  if (links.length > MAX_LINKS_PER_CALL) {
    return refused('BatchSizeExceeded', `ClientLinks may contain at most ${MAX_LINKS_PER_CALL} client links.`);
  }
  const partial: Array<OperationError[] | null> = [];
  for (const link of links) {
    if (link === null) {
      partial.push([operationError('NullParameter', 'The client link is null.')]);
      continue;
    }
    try {
      await each(link);
      partial.push(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      partial.push(err.errors.map(entryError));
    }
  }
  // A null item is the documented "succeeded" entry; the contract's array type has no null items.
  return { OperationErrors: [], PartialErrors: partial as OperationError[][] };
}

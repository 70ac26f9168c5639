import type { OperationName, WireObject } from '../contract/values.js';
import type { Context } from '../domain/context.js';
import { handlers } from '../domain/operations.js';

type WireHandler = (ctx: Context, request: WireObject) => Promise<WireObject>;

/**
 * The handler of an operation, seen through the generic codec's types. The codecs produce
 * exactly RequestOf<O> from the contract, which is what makes this widening sound.
 */
export function implementedHandler(operation: OperationName): WireHandler {
  return handlers[operation] as WireHandler;
}

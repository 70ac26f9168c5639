// GetCustomer: a customer the caller reaches; a deleted one comes back with CustomerLifeCycleStatus Inactive.
import type { Handler } from '../context.js';
import { customerEntity } from './customer-entity.js';
import { reachableCustomer } from './reach.js';

export const getCustomer: Handler<'GetCustomer'> = async (ctx, request) => ({
  Customer: customerEntity(await reachableCustomer(ctx, request.CustomerId)),
});

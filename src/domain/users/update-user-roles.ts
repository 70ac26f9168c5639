// UpdateUserRoles: adds and removes a user's roles and their account or customer scope (the
// arithmetic is in role-changes.ts). Only Super Admins and Standard Users of the customer may, and a
// Standard User can neither grant nor change a Super Admin (or Aggregator) role.
import type { RequestOf } from '../../contract/values.js';
import type { Access } from '../access.js';
import type { Context, Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { isAboveStandard, KNOWN_ROLES, Role } from '../roles.js';
import { accountsOfCustomer } from './account-scope.js';
import { applyRoleRequest, type RoleRequest } from './role-changes.js';
import {
  belongsTo, coversAccounts, coversUser, loadTarget, managerRole, roleOn, userAuthority, type TargetUser, type UserAuthority,
} from './user-authority.js';

/** The request carries no TimeStamp: a concurrent change is retried on fresh data this many times. */
const ATTEMPTS = 3;

export const updateUserRoles: Handler<'UpdateUserRoles'> = async (ctx, request) => {
  const { CustomerId: customerId, UserId: userId } = request;
  if (customerId === undefined) throw new ApiError('NullParameter', 'CustomerId is required.');
  if (userId === undefined) throw new ApiError('NullParameter', 'UserId is required.');
  const access = await ctx.access();
  const authority = userAuthority(access, customerId);
  if (authority === undefined) {
    throw new ApiError('UserIsNotAuthorized', 'The user may not manage the users of this customer.');
  }
  let target = await targetIn(ctx, userId, customerId);
  const base = roleRequest(access, customerId, request);
  refuseStandardOverreach(access, target, base);
  refuseBeyondAccounts(authority, target, customerId, request);
  const req: RoleRequest = {
    ...base,
    newAccountIds: await accountsOfCustomer(ctx.store, customerId, request.NewAccountIds, 'NewAccountIds'),
    deleteAccountIds: await accountsOfCustomer(ctx.store, customerId, request.DeleteAccountIds, 'DeleteAccountIds'),
  };
  for (let attempt = 1; ; attempt++) {
    if (target.user.lifeCycleStatus === 'Deleted') throw new ApiError('EntityNotExistent', 'The user has been deleted.');
    refuseStandardOverreach(access, target, req);
    const change = applyRoleRequest(target.roles, req);
    if (change.put.length === 0 && change.remove.length === 0) return { LastModifiedTime: target.user.lastModifiedTime };
    // GetUser's CustomerRoles has "at minimum one list item": a user is never left without a role.
    if (change.roles.length === 0) {
      throw new ApiError('InvalidParameter', 'This would remove the user\'s last role; give the user another role first, or use DeleteUser.');
    }
    const updated = await ctx.store.updateUserRoles(target.user.id, target.user.version, { put: change.put, remove: change.remove, byUserId: ctx.user.id });
    if (updated) return { LastModifiedTime: updated.lastModifiedTime };
    if (attempt === ATTEMPTS) throw new ApiError('TimestampNotMatch', 'The user kept changing; try again.');
    target = await targetIn(ctx, userId, customerId);
  }
};

/**
 * A Standard User limited to some accounts manages only the users within those accounts, and only
 * within them: the target and every account list of the request must lie inside their accounts, and
 * whole-customer grants (no account list, or other customers) are beyond them.
 */
function refuseBeyondAccounts(authority: UserAuthority, target: TargetUser, customerId: bigint, request: RequestOf<'UpdateUserRoles'>): void {
  if (authority.accounts === null) return;
  const wholeCustomerGrant = request.NewRoleId !== undefined && request.NewRoleId !== null && !request.NewAccountIds?.length;
  if (!coversUser(authority, target, customerId) || wholeCustomerGrant
    || request.NewCustomerIds?.length || request.DeleteCustomerIds?.length
    || (request.NewAccountIds?.length && !coversAccounts(authority, request.NewAccountIds))
    || (request.DeleteAccountIds?.length && !coversAccounts(authority, request.DeleteAccountIds))) {
    throw new ApiError('UserIsNotAuthorized', 'A Standard User limited to some accounts manages users only within those accounts.');
  }
}

/** The user, when they belong to the customer ("The identifier of the customer to which the user belongs"). */
async function targetIn(ctx: Context, userId: bigint, customerId: bigint): Promise<TargetUser> {
  const target = await loadTarget(ctx.store, userId);
  if (!target || !belongsTo(target, customerId)) {
    throw new ApiError('UserIsNotAuthorized', 'The user is not a user of this customer.');
  }
  return target;
}

/** The request's role ids and customer lists, checked; account lists are checked by the caller. */
function roleRequest(
  access: Access, customerId: bigint, request: RequestOf<'UpdateUserRoles'>,
): Omit<RoleRequest, 'newAccountIds' | 'deleteAccountIds'> {
  const newRoleId = roleId(request.NewRoleId, 'NewRoleId');
  const deleteRoleId = roleId(request.DeleteRoleId, 'DeleteRoleId');
  const newCustomerIds = idList(request.NewCustomerIds);
  const deleteCustomerIds = idList(request.DeleteCustomerIds);
  if (newRoleId === null && deleteRoleId === null) throw new ApiError('NullParameter', 'NewRoleId or DeleteRoleId is required.');
  if (newRoleId === null && (newCustomerIds || request.NewAccountIds?.length)) {
    throw new ApiError('NullParameter', 'NewRoleId is required with NewAccountIds or NewCustomerIds.');
  }
  if (deleteRoleId === null && (deleteCustomerIds || request.DeleteAccountIds?.length)) {
    throw new ApiError('NullParameter', 'DeleteRoleId is required with DeleteAccountIds or DeleteCustomerIds.');
  }
  // Other customers named in the request need the same authority as CustomerId.
  for (const other of [...(newCustomerIds ?? []), ...(deleteCustomerIds ?? [])]) {
    if (managerRole(access, other) === undefined) {
      throw new ApiError('UserIsNotAuthorized', `The user may not manage the users of customer ${other}.`);
    }
  }
  return { customerId, newRoleId, deleteRoleId, newCustomerIds, deleteCustomerIds };
}

function roleId(value: number | null | undefined, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (!KNOWN_ROLES.includes(value)) {
    throw new ApiError('InvalidParameter', `${path} ${value} is not a user role (${Object.values(Role).join(', ')}).`);
  }
  return value;
}

function idList(ids: readonly bigint[] | null | undefined): bigint[] | null {
  return ids && ids.length > 0 ? [...new Set(ids)] : null;
}

/** A Standard User may not grant, remove or change a Super Admin or Aggregator role. */
function refuseStandardOverreach(
  access: Access, target: TargetUser, req: Pick<RoleRequest, 'customerId' | 'newRoleId' | 'deleteRoleId' | 'newCustomerIds' | 'deleteCustomerIds'>,
): void {
  const touched = new Set([req.customerId, ...(req.newCustomerIds ?? []), ...(req.deleteCustomerIds ?? [])]);
  for (const customerId of touched) {
    if (userAuthority(access, customerId)?.role !== Role.StandardUser) continue;
    if (isAboveStandard(req.newRoleId ?? undefined) || isAboveStandard(req.deleteRoleId ?? undefined)
      || isAboveStandard(roleOn(target, customerId))) {
      throw new ApiError('UserIsNotAuthorized', 'A Standard User cannot set or modify a Super Admin or Aggregator role.');
    }
  }
}

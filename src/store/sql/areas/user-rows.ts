// UserRecord <-> users row and UserRoleRecord <-> user_roles row, and the role upsert statement
// (shared with invitations, whose acceptance creates a user with roles).
import type { NewUser, UserChanges, UserRecord, UserRoleRecord } from '../../records.js';
import type { Row, Statement } from '../driver.js';
import { decodeContactInfo, decodeIdList, encodeContactInfo, encodeIdList } from '../json.js';
import { created, fold, type Columns, type Sql } from '../sql.js';
import { big, bigOrNull, date, enumCol, enumColOrNull, int, str, strOrNull } from '../values.js';
import { nowMs } from '../../../contract/ambient.js';

/** Columns a user update rewrites; the store sets last_modified_time itself. */
export function userChangeColumns(u: Omit<UserChanges, 'lastModifiedTime'>): Columns {
  return [
    ['first_name', u.firstName], ['last_name', u.lastName], ['middle_initial', u.middleInitial],
    ['job_title', u.jobTitle], ['lcid', u.lcid], ['contact_info', encodeContactInfo(u.contactInfo)],
    ['life_cycle_status', u.lifeCycleStatus], ['last_modified_by_user_id', u.lastModifiedByUserId],
  ];
}

/** The columns of a new user's row (also the bulk insert's). */
export function userInsertColumns(u: NewUser, now: number): Columns {
  return [
    ['customer_id', u.customerId], ['user_name', u.userName], ['user_name_folded', fold(u.userName)],
    ['password_hash', u.passwordHash], ...userChangeColumns(u), ...created(now),
  ];
}

/** The insert of a new user (unique folded user name: StoreConflict('user_name')). */
export function insertUserStatement(sql: Sql, u: NewUser): Statement {
  return sql.insertStatement('users', userInsertColumns(u, nowMs()));
}

export function userFromRow(r: Row): UserRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), userName: str(r, 'user_name'),
    firstName: strOrNull(r, 'first_name'), lastName: strOrNull(r, 'last_name'),
    middleInitial: strOrNull(r, 'middle_initial'), jobTitle: strOrNull(r, 'job_title'),
    lcid: enumColOrNull(r, 'lcid', 'LCID'), contactInfo: decodeContactInfo(strOrNull(r, 'contact_info')),
    lifeCycleStatus: enumCol(r, 'life_cycle_status', 'UserLifeCycleStatus'),
    passwordHash: strOrNull(r, 'password_hash'), version: big(r, 'version'), createdTime: date(r, 'created_time'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

/**
 * Upsert of one role of a user on a customer (a user may hold several there, e.g. an Aggregator's 33
 * and 41): the same role again replaces its account list.
 */
export function putRoleStatement(sql: Sql, role: UserRoleRecord): Statement {
  const p = sql.params();
  const columns: Columns = [
    ['user_id', role.userId], ['customer_id', role.customerId], ['role_id', role.roleId],
    ['account_ids', encodeIdList(role.accountIds)],
  ];
  return {
    sql: `INSERT INTO user_roles (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(([, v]) => p.add(v)).join(', ')}) `
      + 'ON CONFLICT (user_id, customer_id, role_id) DO UPDATE SET account_ids = excluded.account_ids',
    params: p.values,
  };
}

export function userRoleFromRow(r: Row): UserRoleRecord {
  return {
    userId: big(r, 'user_id'), customerId: big(r, 'customer_id'), roleId: int(r, 'role_id'),
    accountIds: decodeIdList(strOrNull(r, 'account_ids')),
  };
}

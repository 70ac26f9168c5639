// FROZEN: src/store/sqlite/migrations.ts as of commit 68c1b8a, before the schema was
// described once (src/store/schema). Never edit: the legacy-upgrade test creates stores with exactly this SQL.
// SQLite schema, as an ordered list of migrations recorded in schema_migrations. Never edit an
// applied migration; append a new one. Ids come from AUTOINCREMENT, seeded through
// sqlite_sequence so each entity's ids start at its own visibly different 9-digit base.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL,
  name TEXT NOT NULL,
  industry TEXT, market_country TEXT, market_language TEXT, financial_status TEXT,
  life_cycle_status TEXT NOT NULL,
  service_level TEXT,
  address TEXT,
  is_agency INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  last_modified_time INTEGER NOT NULL,
  last_modified_by_user_id INTEGER
);
CREATE UNIQUE INDEX customers_number_uq ON customers (number);

CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  type TEXT NOT NULL,
  created_time INTEGER NOT NULL
);
CREATE INDEX payment_methods_customer ON payment_methods (customer_id);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  number TEXT NOT NULL,
  number_folded TEXT NOT NULL,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  currency_code TEXT NOT NULL,
  financial_status TEXT, language TEXT,
  life_cycle_status TEXT NOT NULL,
  pause_reason INTEGER,
  payment_method_id INTEGER, bill_to_customer_id INTEGER, primary_user_id INTEGER,
  time_zone TEXT, auto_tag_type TEXT,
  sales_house_customer_id INTEGER, back_up_payment_instrument_id INTEGER,
  billing_threshold_amount TEXT,
  sold_to_payment_instrument_id INTEGER,
  account_mode TEXT,
  business_address TEXT,
  tax_information TEXT,
  version INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  last_modified_time INTEGER NOT NULL,
  last_modified_by_user_id INTEGER
);
CREATE UNIQUE INDEX accounts_name_uq ON accounts (customer_id, name_folded);
CREATE UNIQUE INDEX accounts_number_uq ON accounts (number);
CREATE INDEX accounts_number_folded ON accounts (number_folded);
CREATE INDEX accounts_customer_status ON accounts (customer_id, life_cycle_status);

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  user_name TEXT NOT NULL,
  user_name_folded TEXT NOT NULL,
  first_name TEXT, last_name TEXT, middle_initial TEXT, job_title TEXT, lcid TEXT,
  contact_info TEXT,
  life_cycle_status TEXT NOT NULL,
  password_hash TEXT,
  version INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  last_modified_time INTEGER NOT NULL,
  last_modified_by_user_id INTEGER
);
CREATE UNIQUE INDEX users_name_uq ON users (user_name_folded);
CREATE INDEX users_customer ON users (customer_id);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  role_id INTEGER NOT NULL,
  account_ids TEXT,
  PRIMARY KEY (user_id, customer_id)
);
CREATE INDEX user_roles_customer ON user_roles (customer_id);

CREATE TABLE client_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  client_entity_id INTEGER NOT NULL,
  managing_customer_id INTEGER NOT NULL REFERENCES customers (id),
  status TEXT NOT NULL,
  name TEXT, note TEXT,
  is_bill_to_client INTEGER,
  start_date INTEGER,
  inviter_email TEXT, inviter_name TEXT, inviter_phone TEXT,
  customer_link_permission TEXT,
  suppress_notification INTEGER NOT NULL,
  version INTEGER NOT NULL,
  last_modified_time INTEGER NOT NULL,
  last_modified_by_user_id INTEGER
);
CREATE INDEX client_links_manager ON client_links (managing_customer_id, status);

CREATE TABLE developer_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL,
  hint TEXT NOT NULL,
  created_time INTEGER NOT NULL,
  revoked_time INTEGER
);
CREATE UNIQUE INDEX developer_tokens_hash_uq ON developer_tokens (token_hash);
CREATE INDEX developer_tokens_user ON developer_tokens (user_id);

CREATE TABLE access_tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  client_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  revoked_time INTEGER
);
CREATE INDEX access_tokens_user ON access_tokens (user_id);

INSERT INTO sqlite_sequence (name, seq) VALUES
  ('customers', 100000000), ('accounts', 140000000), ('users', 200000000),
  ('payment_methods', 300000000), ('client_links', 400000000), ('developer_tokens', 500000000);
`,
  },
  {
    version: 2,
    name: 'user invitations; accounts by primary user',
    sql: `
CREATE TABLE user_invitations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,
  role_id INTEGER NOT NULL,
  account_ids TEXT,
  lcid TEXT NOT NULL,
  expiration_date INTEGER NOT NULL,
  secret_hash TEXT NOT NULL,
  created_time INTEGER NOT NULL,
  created_by_user_id INTEGER NOT NULL,
  accepted_time INTEGER,
  accepted_user_id INTEGER
);
CREATE UNIQUE INDEX user_invitations_secret_uq ON user_invitations (secret_hash);
CREATE INDEX user_invitations_customer ON user_invitations (customer_id, accepted_time);
-- DeleteUser refuses a user who is the primary user of an account.
CREATE INDEX accounts_primary_user ON accounts (primary_user_id);

INSERT INTO sqlite_sequence (name, seq) VALUES ('user_invitations', 700000000);
`,
  },
  {
    version: 3,
    name: 'outbox; OAuth clients, authorization codes, refresh tokens; grants on access tokens',
    sql: `
CREATE TABLE outbox_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL,
  recipient_folded TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_time INTEGER NOT NULL
);
CREATE INDEX outbox_messages_recipient ON outbox_messages (recipient_folded, id);

CREATE TABLE oauth_clients (
  client_id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  redirect_uris TEXT NOT NULL,
  confidential INTEGER NOT NULL,
  secret_hash TEXT,
  owner_user_id INTEGER NOT NULL REFERENCES users (id),
  created_time INTEGER NOT NULL
);
CREATE INDEX oauth_clients_owner ON oauth_clients (owner_user_id);

CREATE TABLE oauth_codes (
  code_hash TEXT NOT NULL PRIMARY KEY,
  grant_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES oauth_clients (client_id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  redirect_uri TEXT NOT NULL,
  scope TEXT NOT NULL,
  code_challenge TEXT,
  code_challenge_method TEXT,
  expires_at INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  used_time INTEGER
);
CREATE INDEX oauth_codes_user ON oauth_codes (user_id);

CREATE TABLE refresh_tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  grant_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES oauth_clients (client_id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  scope TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  revoked_time INTEGER
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_grant ON refresh_tokens (grant_id);

-- Tokens issued under an OAuth grant name it, so a replayed authorization code revokes them.
ALTER TABLE access_tokens ADD COLUMN grant_id TEXT;
CREATE INDEX access_tokens_grant ON access_tokens (grant_id);

INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox_messages', 800000000);
`,
  },
];

/**
 * Applies pending migrations inside one IMMEDIATE transaction: it takes the write lock first, so a
 * second process starting at the same moment waits (busy_timeout) and then sees them applied.
 */
export function migrateSqlite(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set(
      db.prepare('SELECT version FROM schema_migrations').pluck().all().map((v) => Number(v)),
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
    }
  }).immediate();
}

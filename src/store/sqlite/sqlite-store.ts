// The store on SQLite: opens the database file, migrates it, and composes the SQL store on the
// better-sqlite3 driver.
import Database from 'better-sqlite3';
import { sqliteDialect } from '../sql/dialect.js';
import { sqlStore } from '../sql/sql-store.js';
import type { Store } from '../store.js';
import { migrateSqlite } from './migrate.js';
import { SqliteDriver } from './sqlite-driver.js';

/**
 * Every temporary B-tree of a statement (sorter, materialised CTE, IN list) has a page cache that
 * SQLite allocates ≈ 90 KB at a time and frees at the statement's end; glibc gave that heap top
 * back to the kernel and page-faulted it in again on the next search (up to ≈ 0.4 ms a search,
 * depending on the process's heap layout). Freeing one block above the mmap threshold makes glibc
 * raise its mmap and trim thresholds (here to 4 and 8 MiB), so the heap stays. Once, ≈ 2 ms;
 * other allocators ignore it.
 */
function keepHeap(db: Database.Database): void {
  db.prepare('SELECT length(CAST(zeroblob(4000000) AS TEXT))').get();
}

/** Opens (creating if needed) and migrates the database at `file`, or ':memory:'. */
export async function openSqliteStore(file: string, cacheMiB = 64): Promise<Store> {
  const db = new Database(file);
  try {
    db.defaultSafeIntegers(true);
    // First, so that even switching to WAL waits for another process starting at the same time.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL'); // a no-op ('memory') for ':memory:'
    db.pragma('foreign_keys = ON');
    // With WAL, NORMAL syncs only at checkpoints: a commit is in the WAL file before the call returns,
    // so an acknowledged write survives a crash of the process (not necessarily of the machine).
    db.pragma('synchronous = NORMAL');
    // Checkpoint (copy the WAL back into the database and fsync) every 10,000 pages rather than
    // SQLite's 1,000: a page rewritten by many commits (a table's or an index's last page) is copied
    // once instead of ten times, and the fsyncs are fewer. The WAL grows to ≈ 40 MB before it restarts.
    db.pragma('wal_autocheckpoint = 10000');
    // 64 MiB of page cache by default (SQLite's is 2 MiB): a store of a million accounts keeps its
    // hot index pages in memory. Bulk seeding asks for more (random account numbers touch every page).
    db.pragma(`cache_size = ${-Math.round(cacheMiB * 1024)}`);
    migrateSqlite(db);
    keepHeap(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return sqlStore('sqlite', new SqliteDriver(db), sqliteDialect);
}

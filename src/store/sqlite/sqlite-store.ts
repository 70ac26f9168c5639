// The store on SQLite: opens the database file, migrates it, and composes the SQL store on the
// better-sqlite3 driver.
import Database from 'better-sqlite3';
import { sqliteDialect } from '../sql/dialect.js';
import { sqlStore } from '../sql/sql-store.js';
import type { Store } from '../store.js';
import { migrateSqlite } from './migrate.js';
import { SqliteDriver } from './sqlite-driver.js';

/**
 * Every temporary B-tree a statement opens (a sorter, a materialised CTE, an IN list) gets a page
 * cache that SQLite allocates ≈ 90 KB at a time and frees when the statement ends. glibc's malloc
 * returns the top of its heap to the kernel once more than 128 KiB are free there, so a search
 * grew and shrank the heap several times per run and page-faulted it back in every time (up to
 * ≈ 0.5 ms a search here, varying from one process to the next with the heap's layout). Freeing
 * one block larger than the mmap threshold makes glibc raise both thresholds (to the block's
 * size and twice that: 4 and 8 MiB here), so the heap stays. A 4 MB text is allocated once (≈ 2
 * ms) and freed when the statement ends. Other allocators ignore this harmlessly.
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
    db.pragma('synchronous = NORMAL'); // durable enough with WAL, much faster than FULL
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

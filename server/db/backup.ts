/// Backing up and restoring the embedded SQLite database with SQLite's online backup API (through
/// better-sqlite3): a backup is a consistent copy taken while the server runs; a restore copies a
/// backup back, page by page, under SQLite's own locks. PostgreSQL is backed up with its own
/// tools (pg_dump / pg_restore), which the command line names.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "./connection";

/// A backup or restore that cannot be done as asked (bad file, PostgreSQL): exit status 2.
export class BackupError extends Error {}

/// The file of the embedded database under a configuration's DATA_DIR.
export const sqliteFile = (config: DatabaseConfig) => path.join(config.dataDir, "vis-a-vis.sqlite");

/// What to run instead on PostgreSQL.
export const POSTGRES_ADVICE =
  'this database is PostgreSQL (DATABASE_URL): back up with `pg_dump --format=custom --file FILE "$DATABASE_URL"` and restore with `pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" FILE` (see the README, "Backups")';

function refusePostgres(config: DatabaseConfig) {
  if (config.databaseUrl) throw new BackupError(POSTGRES_ADVICE);
}

/// Copies the live database to `file` (which must not exist yet); returns its size in bytes.
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<number> {
  refusePostgres(config);
  const source = sqliteFile(config);
  if (!fs.existsSync(source)) throw new BackupError(`there is no database at ${source} yet (set DATA_DIR)`);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already: choose a new file name`);
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return fs.statSync(file).size;
}

/// Replaces the live database with the backup in `file`, after checking that it is one of ours
/// and not from a newer version of the app. Returns how many documents it holds.
export async function restoreDatabase(config: DatabaseConfig, file: string, knownMigrations: readonly string[]): Promise<{ documents: number }> {
  refusePostgres(config);
  if (!fs.existsSync(file)) throw new BackupError(`cannot read ${file}: no such file`);
  const { default: SQLite } = await import("better-sqlite3");
  let backup: import("better-sqlite3").Database;
  let documents: number;
  try {
    backup = new SQLite(file, { readonly: true, fileMustExist: true });
    const tables = new Set((backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (!tables.has("documents") || !tables.has("kysely_migration")) throw new BackupError(`${file} is not a Vis-à-vis backup (no documents or migrations)`);
    const applied = (backup.prepare("select name from kysely_migration").all() as { name: string }[]).map((m) => m.name);
    const unknown = applied.filter((m) => !knownMigrations.includes(m));
    if (unknown.length > 0) throw new BackupError(`${file} comes from a newer version of the app (migration ${unknown[0]}); update the app first`);
    documents = Number((backup.prepare("select count(*) as n from documents").get() as { n: number }).n);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} is not a SQLite database: ${(e as Error).message}`);
  }
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    await backup.backup(sqliteFile(config));
  } finally {
    backup.close();
  }
  return { documents };
}

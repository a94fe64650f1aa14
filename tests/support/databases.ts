/// Fresh databases for server tests: a SQLite file in a temporary folder, and a PostgreSQL
/// schema of its own on the server at PG_TEST_URL (default postgres://127.0.0.1:5432/test).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Db } from "../../server/db/connection";
import { migrateToLatest } from "../../server/db/migrations";

export const PG_TEST_URL = process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/test";

/// Whether PostgreSQL answers at PG_TEST_URL.
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export type Engine = "sqlite" | "postgres";

/// A migrated, empty database of the given engine (SQLite: `close` deletes its folder;
/// PostgreSQL: its schema goes at the end of the run).
export async function freshDatabase(engine: Engine): Promise<Db> {
  if (engine === "sqlite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-db-"));
    const db = await openDatabase({ dataDir });
    await migrateToLatest(db);
    return {
      ...db,
      close: async () => {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: PG_TEST_URL, dataDir: "", pgSchema: schema });
  await migrateToLatest(db);
  // The schema is dropped once every test file has finished (tests/support/global-setup.ts):
  // dropping it now could break another file's catalog introspection running at this moment.
  return db;
}

/// Drops every schema the tests made (named t_…): run before and after the whole test run.
export async function dropTestSchemas(): Promise<void> {
  if (!(await postgresAvailable())) return;
  const c = new pg.Client({ connectionString: PG_TEST_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 't\\_%'");
    for (const { nspname } of rows) await c.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await c.end();
  }
}

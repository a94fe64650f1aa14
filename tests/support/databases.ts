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

/// A migrated, empty database of the given engine; `close` also drops what the test made.
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
  return {
    ...db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

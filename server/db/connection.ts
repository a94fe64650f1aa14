/// Opening the database: SQLite under DATA_DIR by default, PostgreSQL when DATABASE_URL says so.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema";
import { RefuseControlCharacters } from "./text-guard";

/// Which database engine a connection talks to.
export type Dialect = "sqlite" | "postgres";

/// Where the data lives: a PostgreSQL URL, or a folder for the SQLite file.
export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  /// PostgreSQL schema to use instead of public (tests run each in a schema of its own).
  pgSchema?: string;
}

/// An open database and the engine behind it.
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /// The PostgreSQL schema in use when it is not the default one.
  schema?: string;
  close(): Promise<void>;
}

/// Reads DATABASE_URL, DATABASE_SCHEMA (PostgreSQL only, default `public`) and DATA_DIR
/// (default `data`, relative to the working directory).
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "data"),
    pgSchema: env.DATABASE_SCHEMA || undefined,
  };
}

/// Opens the database described by `config`. SQLite is opened in WAL mode with foreign keys on;
/// its folder is created when missing.
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    if (config.pgSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(config.pgSchema)) {
      throw new Error(`DATABASE_SCHEMA must be a plain lower-case identifier (got "${config.pgSchema}")`);
    }
    const { Pool } = (await import("pg")).default;
    const pool = new Pool({
      connectionString: url,
      max: 10,
      ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new RefuseControlCharacters()] });
    return { kysely, dialect: "postgres", schema: config.pgSchema, close: () => kysely.destroy() };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(":")[0]}:…")`);
  const { default: SQLite } = await import("better-sqlite3");
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(config.dataDir, "vis-a-vis.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new RefuseControlCharacters()] });
  return { kysely, dialect: "sqlite", close: () => kysely.destroy() };
}

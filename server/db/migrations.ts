/// Versioned migrations, applied in order on start. Never edit a migration that has shipped:
/// add the next one.
import "server-only";
import { Kysely, Migrator, sql, type ColumnDefinitionBuilder, type Migration, type MigrationProvider } from "kysely";
import type { Db, Dialect } from "./connection";

type Step = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

/// The type and constraints of an auto-numbered primary key, spelled as each engine wants.
function idColumn(dialect: Dialect): ["serial" | "integer", (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialect === "postgres" ? ["serial", (c) => c.primaryKey()] : ["integer", (c) => c.primaryKey().autoIncrement()];
}

const steps: Record<string, Step> = {
  "0001_documents_and_paragraphs": async (db, dialect) => {
    await db.schema
      .createTable("documents")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("slug", "text", (c) => c.notNull().unique())
      .addColumn("title_fr", "text", (c) => c.notNull())
      .addColumn("title_en", "text", (c) => c.notNull())
      .addColumn("source_lang", "text", (c) => c.notNull())
      .addColumn("target_lang", "text", (c) => c.notNull())
      .addColumn("meta", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("paragraphs")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("lang", "text", (c) => c.notNull().check(sql`lang in ('fr', 'en')`))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("original", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint("paragraphs_document_lang_position", ["document_id", "lang", "position"])
      .execute();
  },
  "0002_accounts_sessions_audit": async (db, dialect) => {
    await db.schema
      .createTable("users")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_key", "text", (c) => c.notNull().unique())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("address", "text")
      .addColumn("user_agent", "text")
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
    await db.schema
      .createTable("audit_log")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("actor_name", "text")
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("target", "text")
      .addColumn("detail", "text")
      .addColumn("address", "text")
      .execute();
    await db.schema.createIndex("audit_log_action_at").on("audit_log").columns(["action", "at"]).execute();
    await db.schema
      .createTable("settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .execute();
  },
};

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(steps)) out[name] = { up: (db) => step(db, dialect) };
      return out;
    },
  };
}

/// Brings the schema up to date; throws with the failing migration's name if one fails.
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely as Kysely<unknown>,
    provider: provider(db.dialect),
    // Kysely looks for its own tables by name in every schema; name ours when it is not the default.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}

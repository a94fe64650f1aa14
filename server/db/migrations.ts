/// Versioned migrations, applied in order on start. Never edit a migration that has shipped:
/// add the next one.
import "server-only";
import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "./connection";

type Step = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

function id(dialect: Dialect) {
  return dialect === "postgres" ? ("serial" as const) : ("integer" as const);
}

const steps: Record<string, Step> = {
  "0001_documents_and_paragraphs": async (db, dialect) => {
    await db.schema
      .createTable("documents")
      .addColumn("id", id(dialect), (c) => (dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
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
      .addColumn("id", id(dialect), (c) => (dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
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
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: provider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}

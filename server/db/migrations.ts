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
  "0003_suggestions_history_events": async (db, dialect) => {
    await db.schema
      .createTable("suggestions")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("paragraph_id", "integer", (c) => c.notNull().references("paragraphs.id").onDelete("cascade"))
      // Where the suggestion stands now: the revision its offsets refer to (kept current while open).
      .addColumn("base_revision", "integer", (c) => c.notNull())
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      // Where it was made, for history and exports.
      .addColumn("created_revision", "integer", (c) => c.notNull())
      .addColumn("created_start", "integer", (c) => c.notNull())
      .addColumn("created_end", "integer", (c) => c.notNull())
      .addColumn("deleted", "text", (c) => c.notNull())
      .addColumn("inserted", "text", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("severity", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'accepted', 'rejected', 'stale')`))
      .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("decided_by_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("decided_by_name", "text")
      .addColumn("decided_at", "text")
      .addColumn("reason", "text")
      .addColumn("same_fix_as", "integer", (c) => c.references("suggestions.id").onDelete("set null"))
      .addColumn("stale_because", "integer", (c) => c.references("suggestions.id").onDelete("set null"))
      .addColumn("reverted_at", "text")
      .addColumn("reverted_by_name", "text")
      .execute();
    await db.schema.createIndex("suggestions_paragraph_status").on("suggestions").columns(["paragraph_id", "status"]).execute();
    await db.schema.createIndex("suggestions_document").on("suggestions").columns(["document_id", "status"]).execute();
    await db.schema
      .createTable("comments")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("suggestion_id", "integer", (c) => c.notNull().references("suggestions.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("mentions", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("comments_suggestion").on("comments").column("suggestion_id").execute();
    await db.schema
      .createTable("revisions")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("paragraph_id", "integer", (c) => c.notNull().references("paragraphs.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('accept', 'revert', 'import')`))
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addColumn("deleted", "text", (c) => c.notNull())
      .addColumn("inserted", "text", (c) => c.notNull())
      .addColumn("text_before", "text", (c) => c.notNull())
      .addColumn("text_after", "text", (c) => c.notNull())
      .addColumn("suggestion_id", "integer", (c) => c.references("suggestions.id").onDelete("set null"))
      .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("reverted_by_revision", "integer")
      .addUniqueConstraint("revisions_paragraph_revision", ["paragraph_id", "revision"])
      .execute();
    await db.schema
      .createTable("events")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("events_document_id").on("events").columns(["document_id", "id"]).execute();
  },
  "0004_glossary": async (db, dialect) => {
    await db.schema
      .createTable("term_entries")
      .addColumn("id", "text", (c) => c.primaryKey())
      // The entry as the app keeps it (lib/glossary/model TermEntry, JSON).
      .addColumn("data", "text", (c) => c.notNull())
      // The entry as its file last said, so a changed file updates entries nobody edited since.
      .addColumn("imported", "text")
      .addColumn("source", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("term_entry_history")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("entry_id", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("before", "text")
      .addColumn("after", "text")
      .execute();
    await db.schema.createIndex("term_entry_history_entry").on("term_entry_history").columns(["entry_id", "id"]).execute();
  },
  "0006_integrity": async (db) => {
    // People who support an open suggestion instead of proposing the same fix again (+1).
    await db.schema
      .createTable("suggestion_supporters")
      .addColumn("suggestion_id", "integer", (c) => c.notNull().references("suggestions.id").onDelete("cascade"))
      .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("user_name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("suggestion_supporters_pk", ["suggestion_id", "user_name"])
      .execute();
    // An entry's version: every saved change adds one, and an edit names the version it started
    // from, so two terminologists editing at once cannot overwrite each other.
    await db.schema.alterTable("term_entries").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).execute();
  },
  "0007_alignment": async (db, dialect) => {
    // The document's beads as JSON (lib/corpus/alignment), or null for one line to one line.
    await db.schema.alterTable("documents").addColumn("alignment", "text").execute();
    await db.schema
      .createTable("alignment_changes")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      // The window of beads replaced: from bead `at`, `before` (JSON) became `after` (JSON).
      .addColumn("at", "integer", (c) => c.notNull())
      .addColumn("before", "text", (c) => c.notNull())
      .addColumn("after", "text", (c) => c.notNull())
      .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("made_at", "text", (c) => c.notNull())
      .addColumn("reverts", "integer")
      .addColumn("reverted_by", "integer")
      .execute();
    await db.schema.createIndex("alignment_changes_document").on("alignment_changes").columns(["document_id", "id"]).execute();
  },
  "0008_checks": async (db, dialect) => {
    // The flags of each French paragraph as its last check found them, one row per engine: the
    // fast rules ("fast", run at once) and Grammalecte ("grammalecte", a background job). A row
    // whose revision or environment (glossary) is not the paragraph's current one is out of date.
    await db.schema
      .createTable("paragraph_flags")
      .addColumn("paragraph_id", "integer", (c) => c.notNull().references("paragraphs.id").onDelete("cascade"))
      .addColumn("engine", "text", (c) => c.notNull())
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("environment", "text", (c) => c.notNull())
      .addColumn("flags", "text", (c) => c.notNull())
      .addColumn("checked_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paragraph_flags_pk", ["paragraph_id", "engine"])
      .execute();
    await db.schema.createIndex("paragraph_flags_document").on("paragraph_flags").column("document_id").execute();
    // A flag dismissed by a reviewer, anchored to the flagged words like a suggestion: kept
    // current through accepted changes elsewhere in the paragraph, lapsed when its words change.
    await db.schema
      .createTable("flag_dismissals")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("paragraph_id", "integer", (c) => c.notNull().references("paragraphs.id").onDelete("cascade"))
      .addColumn("rule", "text", (c) => c.notNull())
      .addColumn("base_revision", "integer", (c) => c.notNull())
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addColumn("words", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'lapsed', 'withdrawn')`))
      .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .addColumn("ended_by_name", "text")
      .execute();
    await db.schema.createIndex("flag_dismissals_paragraph").on("flag_dismissals").columns(["paragraph_id", "status"]).execute();
    await db.schema.createIndex("flag_dismissals_document").on("flag_dismissals").columns(["document_id", "status"]).execute();
    // Rules a reviewer switched off (or back on) for one document.
    await db.schema
      .createTable("document_rules")
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("rule", "text", (c) => c.notNull())
      .addColumn("enabled", "integer", (c) => c.notNull())
      .addColumn("updated_by_name", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("document_rules_pk", ["document_id", "rule"])
      .execute();
    // The background Grammalecte pass of each document: where it stands.
    await db.schema
      .createTable("check_jobs")
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("engine", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("done", "integer", (c) => c.notNull())
      .addColumn("total", "integer", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("check_jobs_pk", ["document_id", "engine"])
      .execute();
  },
  "0010_notifications": async (db, dialect) => {
    await db.schema
      .createTable("notifications")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("suggestion_id", "integer")
      .addColumn("comment_id", "integer")
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("excerpt", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("read_at", "text")
      .execute();
    await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "id"]).execute();
  },
  "0011_threads": async (db, dialect) => {
    // Comment threads on any words of any paragraph, French or English (suggestions keep their own).
    await db.schema
      .createTable("threads")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("paragraph_id", "integer", (c) => c.notNull().references("paragraphs.id").onDelete("cascade"))
      // The revision start and end refer to; while stale, the one just before its words were replaced.
      .addColumn("base_revision", "integer", (c) => c.notNull())
      .addColumn("start", "integer", (c) => c.notNull())
      .addColumn("end", "integer", (c) => c.notNull())
      .addColumn("quote", "text", (c) => c.notNull())
      // The revision that replaced its words (null while anchored).
      .addColumn("stale_revision", "integer")
      .addColumn("resolved_at", "text")
      .addColumn("resolved_by_name", "text")
      .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("threads_paragraph").on("threads").columns(["paragraph_id", "id"]).execute();
    await db.schema.createIndex("threads_document").on("threads").columns(["document_id", "id"]).execute();
    await db.schema
      .createTable("thread_comments")
      .addColumn("id", ...idColumn(dialect))
      .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("mentions", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("thread_comments_thread").on("thread_comments").columns(["thread_id", "id"]).execute();
    // A notification about a thread names it (its comment_id then names a thread comment).
    await db.schema.alterTable("notifications").addColumn("thread_id", "integer").execute();
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

/// The names of every migration this version of the app knows, in order.
export const migrationNames = (): string[] => Object.keys(steps);

/// Brings the schema up to date; throws with the failing migration's name if one fails.
export async function migrateToLatest(db: Db): Promise<void> {
  // The schema's name was checked when the connection was opened (a plain identifier).
  if (db.schema) await sql`create schema if not exists ${sql.id(db.schema)}`.execute(db.kysely);
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

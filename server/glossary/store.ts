/// The glossary in the database: entries imported from glossary/*.tbx on start, edited by
/// terminologists in the app (every change kept in the entry's history), and one term index per
/// process, rebuilt when the glossary changes.
import "server-only";
import type { Kysely } from "kysely";
import { buildTermIndex, type TermIndex } from "../../lib/glossary/match";
import { languagesLosingPreferred } from "../../lib/glossary/changes";
import type { TermEntry } from "../../lib/glossary/model";
import { findControlCharacter } from "../../lib/text/controls";
import type { Database } from "../db/schema";

export interface EntryHistoryItem {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: TermEntry | null;
  after: TermEntry | null;
}

/// What importing a term base did.
export interface GlossaryImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /// Entries edited in the app since their last import: the app's version is kept.
  kept: number;
}

/// Imports entries from a file. New entries are created; an entry nobody edited in the app
/// follows its file; one edited in the app keeps the app's version. One transaction. `changed`,
/// when given, collects both versions of every entry the import created or changed (what a live
/// update must look for in the texts).
export async function importEntries(
  db: Kysely<Database>,
  source: string,
  entries: TermEntry[],
  actor = "import",
  changed?: TermEntry[],
): Promise<GlossaryImportResult> {
  return db.transaction().execute(async (trx) => {
    const result = { created: 0, updated: 0, unchanged: 0, kept: 0 };
    const at = new Date().toISOString();
    const existing = new Map((await trx.selectFrom("term_entries").selectAll().execute()).map((r) => [r.id, r]));
    for (const entry of entries) {
      const json = JSON.stringify(entry);
      const row = existing.get(entry.id);
      if (!row) {
        await trx.insertInto("term_entries").values({ id: entry.id, data: json, imported: json, source, updated_at: at, updated_by: actor }).execute();
        await trx.insertInto("term_entry_history").values({ entry_id: entry.id, at, actor, action: "import", before: null, after: json }).execute();
        changed?.push(entry);
        result.created++;
      } else if (row.imported === json || row.data === json) {
        if (row.imported !== json) await trx.updateTable("term_entries").set({ imported: json }).where("id", "=", entry.id).execute();
        result.unchanged++;
      } else if (row.data === row.imported) {
        await trx
          .updateTable("term_entries")
          .set((eb) => ({ data: json, imported: json, source, updated_at: at, updated_by: actor, version: eb("version", "+", 1) }))
          .where("id", "=", entry.id)
          .execute();
        await trx.insertInto("term_entry_history").values({ entry_id: entry.id, at, actor, action: "import", before: row.data, after: json }).execute();
        changed?.push(JSON.parse(row.data) as TermEntry, entry);
        result.updated++;
      } else {
        await trx.updateTable("term_entries").set({ imported: json }).where("id", "=", entry.id).execute();
        result.kept++;
      }
    }
    return result;
  });
}

/// Every entry, by id.
export async function listEntries(db: Kysely<Database>): Promise<TermEntry[]> {
  const rows = await db.selectFrom("term_entries").select("data").orderBy("id").execute();
  return rows.map((r) => JSON.parse(r.data) as TermEntry);
}

/// One entry, or null.
export async function getEntry(db: Kysely<Database>, id: string): Promise<TermEntry | null> {
  if (findControlCharacter(id)) return null; // no entry has one, and PostgreSQL refuses NUL
  const row = await db.selectFrom("term_entries").select("data").where("id", "=", id).executeTakeFirst();
  return row ? (JSON.parse(row.data) as TermEntry) : null;
}

/// An entry's changes, newest first.
export async function entryHistory(db: Kysely<Database>, id: string): Promise<EntryHistoryItem[]> {
  if (findControlCharacter(id)) return [];
  const rows = await db.selectFrom("term_entry_history").selectAll().where("entry_id", "=", id).orderBy("id", "desc").execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    before: r.before ? (JSON.parse(r.before) as TermEntry) : null,
    after: r.after ? (JSON.parse(r.after) as TermEntry) : null,
  }));
}

/// The entry as one of its history items left it, or null (unknown item, another entry's item,
/// or a removal).
export async function entryVersionAt(db: Kysely<Database>, id: string, historyId: number): Promise<TermEntry | null> {
  if (findControlCharacter(id) || !Number.isSafeInteger(historyId) || historyId < 1 || historyId > 2 ** 31 - 1) return null;
  const row = await db.selectFrom("term_entry_history").select("after").where("id", "=", historyId).where("entry_id", "=", id).executeTakeFirst();
  return row?.after ? (JSON.parse(row.after) as TermEntry) : null;
}

/// Why an edit of an entry was refused: someone saved it since the version the form started
/// from (`versionConflict`), or it would leave a language without a preferred term
/// (`noPreferredTerm`, unless confirmed). Nothing is stored then.
export class EntryEditError extends Error {
  constructor(
    readonly code: "versionConflict" | "noPreferredTerm",
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "EntryEditError";
  }
}

export interface SaveEntryOptions {
  /// The version the edit started from; a different stored version refuses the edit.
  version?: number;
  /// The terminologist confirmed leaving a language without a preferred term.
  allowNoPreferred?: boolean;
  /// What the history calls the change when it is not a plain edit.
  action?: "restore";
}

/// An entry with its version (1 when created, one more with every saved change).
export async function getEntryRecord(db: Kysely<Database>, id: string): Promise<{ entry: TermEntry; version: number } | null> {
  if (findControlCharacter(id)) return null; // no entry has one, and PostgreSQL refuses NUL
  const row = await db.selectFrom("term_entries").select(["data", "version"]).where("id", "=", id).executeTakeFirst();
  return row ? { entry: JSON.parse(row.data) as TermEntry, version: Number(row.version) } : null;
}

/// Creates or replaces an entry as `actor`, recording the change. `expectCreate` refuses to
/// overwrite an existing id (a new entry must have a free id). Returns null when it would.
/// An edit keeps a preferred term in every language that had one unless `allowNoPreferred`, and
/// with `version` succeeds only on that version (checked and bumped in one statement, so two
/// edits racing cannot both win); otherwise it throws an EntryEditError.
export async function saveEntry(
  db: Kysely<Database>,
  entry: TermEntry,
  actor: string,
  expectCreate: boolean,
  options: SaveEntryOptions = {},
): Promise<TermEntry | null> {
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const json = JSON.stringify(entry);
    const row = await trx.selectFrom("term_entries").selectAll().where("id", "=", entry.id).executeTakeFirst();
    if (row && expectCreate) return null;
    if (!row && !expectCreate) return null;
    const conflict = (r: { version: number; updated_by: string; updated_at: string }) =>
      new EntryEditError("versionConflict", `entry ${entry.id} is at version ${r.version}, not ${options.version}`, {
        version: Number(r.version),
        by: r.updated_by,
        at: r.updated_at,
      });
    if (row) {
      if (options.version !== undefined && Number(row.version) !== options.version) throw conflict(row);
      const before = JSON.parse(row.data) as TermEntry;
      const losing = languagesLosingPreferred(before, entry);
      if (losing.length > 0 && !options.allowNoPreferred) {
        throw new EntryEditError("noPreferredTerm", `the edit leaves ${losing.join(", ")} without a preferred term`, { langs: losing });
      }
      if (row.data === json) return entry;
      const updated = await trx
        .updateTable("term_entries")
        .set((eb) => ({ data: json, updated_at: at, updated_by: actor, version: eb("version", "+", 1) }))
        .where("id", "=", entry.id)
        .where("version", "=", row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw conflict((await trx.selectFrom("term_entries").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow()));
      }
    } else {
      await trx.insertInto("term_entries").values({ id: entry.id, data: json, imported: null, source: null, updated_at: at, updated_by: actor }).execute();
    }
    const deprecates = row && Object.values(entry.langs).some((s) => s?.terms.every((t) => t.status === "deprecated"));
    const action = !row ? "create" : (options.action ?? (deprecates ? "deprecate" : "edit"));
    await trx.insertInto("term_entry_history").values({ entry_id: entry.id, at, actor, action, before: row?.data ?? null, after: json }).execute();
    return entry;
  });
}

const CACHE = Symbol.for("vis-a-vis.term-index");
type Cached = { version: string; index: TermIndex; entries: TermEntry[] };

/// The term index over the current glossary, built once per glossary version in this process.
/// Every change to an entry writes a history row, so the version is the entry count and the
/// latest history id: edits made through another instance are seen too, whatever the clocks say.
export async function glossaryIndex(db: Kysely<Database>): Promise<{ index: TermIndex; entries: TermEntry[] }> {
  const [count, last] = await Promise.all([
    db.selectFrom("term_entries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("term_entry_history").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst(),
  ]);
  const version = `${count.n}@${last?.id ?? 0}`;
  const holder = globalThis as { [CACHE]?: Cached };
  if (holder[CACHE]?.version !== version) {
    const entries = await listEntries(db);
    holder[CACHE] = { version, index: buildTermIndex(entries), entries };
  }
  return { index: holder[CACHE]!.index, entries: holder[CACHE]!.entries };
}

/// Replaying a document's shipped corrections when several app instances start at once: the
/// replay is one transaction, so the document gets its corrections exactly once.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importDocument } from "../../../server/corpus/import";
import { readCorrectionsFile, readDocumentDir } from "../../../server/corpus/files";
import { importCorrections, parseCorrectionsFile } from "../../../server/corrections/file";
import { listSuggestions } from "../../../server/corrections/views";
import { openDatabase, type Db } from "../../../server/db/connection";
import { importShippedCorrections } from "../../../server/ready";
import { freshDatabase, PG_TEST_URL, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const dir = path.resolve(import.meta.dirname, "../../../corpus/deepseek-containment");

/// Two connections to one fresh database, as two instances of the app would open them.
async function twoInstances(): Promise<[Db, Db, () => Promise<void>]> {
  const first = await freshDatabase("postgres");
  const second = await openDatabase({ databaseUrl: PG_TEST_URL, dataDir: "", pgSchema: first.schema });
  return [first, second, async () => (await second.close(), await first.close())];
}

function suite(engine: Engine) {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  // On SQLite two connections in one process would block each other's event loop (better-sqlite3
  // waits synchronously for the lock); several instances sharing one database means PostgreSQL.
  it.skipIf(engine === "sqlite")("two instances starting together on an empty database replay the shipped corrections once", { timeout: 120_000 }, async () => {
    const [first, second, close] = await twoInstances();
    closers.push(close);
    const source = readDocumentDir(dir);
    const file = readCorrectionsFile(dir)!;
    await importDocument(first.kysely, source);
    const counts = await Promise.all([importShippedCorrections(first, source.slug, file), importShippedCorrections(second, source.slug, file)]);
    expect(counts.sort((a, b) => a - b)).toEqual([0, file.suggestions.length]);
    const id = (await first.kysely.selectFrom("documents").select("id").where("slug", "=", source.slug).executeTakeFirstOrThrow()).id;
    expect(await listSuggestions(first.kysely, id)).toHaveLength(file.suggestions.length);
    const events = await first.kysely.selectFrom("events").select((eb) => eb.fn.countAll().as("n")).where("document_id", "=", id).executeTakeFirstOrThrow();
    expect(Number(events.n)).toBeGreaterThan(file.suggestions.length);
    // A third start finds the corrections there and replays nothing.
    expect(await importShippedCorrections(first, source.slug, file)).toBe(0);
  });

  it("a replay that fails part-way leaves nothing behind, not even its events", async () => {
    const db = await freshDatabase(engine);
    closers.push(() => db.close());
    const source = readDocumentDir(dir);
    await importDocument(db.kysely, source);
    const id = (await db.kysely.selectFrom("documents").select("id").where("slug", "=", source.slug).executeTakeFirstOrThrow()).id;
    const good = readCorrectionsFile(dir)!;
    const last = good.suggestions.at(-1)!;
    const broken = parseCorrectionsFile({
      ...good,
      suggestions: [...good.suggestions, { ...last, id: last.id + 1000, paragraph: 100000, createdAt: "2100-01-01T00:00:00Z", status: "open", decidedBy: undefined, decidedAt: undefined, revertedAt: null, comments: [] }],
    });
    const before = await db.kysely.selectFrom("paragraphs").select(["id", "text", "revision"]).where("document_id", "=", id).orderBy("id").execute();
    await expect(importCorrections(db, id, broken)).rejects.toThrow(/has no paragraph 100000/);
    expect(await listSuggestions(db.kysely, id)).toEqual([]);
    expect(await db.kysely.selectFrom("events").select("id").where("document_id", "=", id).execute()).toEqual([]);
    expect(await db.kysely.selectFrom("revisions").select("id").where("document_id", "=", id).where("kind", "!=", "import").execute()).toEqual([]);
    expect(await db.kysely.selectFrom("paragraphs").select(["id", "text", "revision"]).where("document_id", "=", id).orderBy("id").execute()).toEqual(before);
  });
}

describe("replay of shipped corrections on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("replay of shipped corrections on PostgreSQL", () => suite("postgres"));

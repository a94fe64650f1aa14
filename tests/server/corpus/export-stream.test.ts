import { afterEach, describe, expect, it } from "vitest";
import { importDocument } from "../../../server/corpus/import";
import { exportJson, exportText } from "../../../server/corpus/export";
import { correctionsCsvExport, correctionsJsonExport, jsonExport, textExport } from "../../../server/corpus/export-stream";
import { documentRows, rowCount } from "../../../server/corpus/pages";
import { correctionsCsv, correctionsFileOf } from "../../../server/corrections/file";
import { listSuggestions } from "../../../server/corrections/views";
import type { Db } from "../../../server/db/connection";
import { getDocument } from "../../../server/documents";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Livre", en: "Book" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
/// 2,500 rows: three pages of the exports, with quotes, tabs of text and accents.
const N = 2500;
const fr = ["Livre", ...Array.from({ length: N - 1 }, (_, i) => `Le paragraphe « ${i} » dit "bonjour", été ${i % 7}.`)];
const en = ["Book", ...Array.from({ length: N - 1 }, (_, i) => `Paragraph ${i} says "hello".`)];

async function joined(chunks: AsyncIterable<string>) {
  let all = "";
  let count = 0;
  for await (const c of chunks) {
    all += c;
    count++;
  }
  return { all, count };
}

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });

  it("streams the text and JSON exports in pages, byte for byte what the whole-document exports give", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, { slug: "livre", meta, fr, en });
    const doc = (await getDocument(db.kysely, "livre"))!;
    const id = (await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
    const text = await joined(textExport(db.kysely, id, "fr"));
    expect(text.all).toBe(exportText(doc, "fr"));
    expect(text.count).toBeGreaterThanOrEqual(3);
    expect((await joined(textExport(db.kysely, id, "en"))).all).toBe(exportText(doc, "en"));
    expect((await joined(jsonExport(db.kysely, id, doc))).all).toBe(exportJson(doc));
    expect(await rowCount(db.kysely, id)).toBe(N);
    expect((await documentRows(db.kysely, id, N - 2, 10)).map((r) => [r.position, r.fr, r.en])).toEqual([
      [N - 2, fr[N - 2], en[N - 2]],
      [N - 1, fr[N - 1], en[N - 1]],
    ]);
  });

  it("streams the corrections report in pages, with what the whole-list report gives", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, { slug: "livre", meta, fr, en });
    const id = (await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
    const paragraphs = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "fr").where("position", ">", 0).orderBy("position").limit(1400).execute();
    // 700 suggestions over 1,400 paragraphs (two pages of each kind), made in reverse order so
    // ids and positions disagree; all but the first are "the same fix as" the first.
    const rows = paragraphs.filter((_, i) => i % 2 === 1).reverse().map((p) => {
      const start = p.text.indexOf("bonjour");
      return {
        document_id: id, paragraph_id: p.id, base_revision: 1, start, end: start + 7, created_revision: 1, created_start: start, created_end: start + 7,
        deleted: "bonjour", inserted: "salut", category: "style", severity: "minor", status: "open" as const, author_id: null, author_name: "alice",
        created_at: "2026-01-01T00:00:00.000Z",
      };
    });
    const { id: first } = await db.kysely.insertInto("suggestions").values(rows[0]).returning("id").executeTakeFirstOrThrow();
    for (let i = 1; i < rows.length; i += 100) {
      await db.kysely.insertInto("suggestions").values(rows.slice(i, i + 100).map((r) => ({ ...r, same_fix_as: first }))).execute();
    }
    const all = await listSuggestions(db.kysely, id);
    expect((await joined(correctionsCsvExport(db.kysely, id))).all).toBe(correctionsCsv(all));
    const streamed = JSON.parse((await joined(correctionsJsonExport(db.kysely, id, "livre"))).all);
    const whole = correctionsFileOf("livre", all);
    expect({ ...streamed, exportedAt: "" }).toEqual({ ...whole, exportedAt: "" });
    expect(streamed.suggestions.filter((s: { sameFixAs?: number }) => s.sameFixAs === first)).toHaveLength(699);
  });
}

describe("streamed exports on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("streamed exports on PostgreSQL", () => suite("postgres"));

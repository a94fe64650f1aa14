import { EXPORT_FORMATS, exportJson, exportMeta, exportText } from "../../server/corpus/export";
import { jsonExport, textExport } from "../../server/corpus/export-stream";
import type { Db } from "../../server/db/connection";
import { documentIdBySlug, documentMeta, getDocument } from "../../server/documents";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- export SLUG --format txt|json|meta [--lang fr|en]

Prints a document on stdout: with txt, the current text of one language (French by default),
one paragraph per line; with json, the metadata and the aligned paragraphs; with meta, meta.json
as a document folder has it (with the alignment when it is not one line to one line).`;

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: "string" }, lang: { type: "string" } });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, EXPORT_FORMATS, "txt");
  const lang = oneOf("lang", values.lang, ["fr", "en"], "fr");
  if (positionals.length !== 1) throw new UsageError("export takes exactly one document name (see --help)");
  const db = await open();
  try {
    const slug = positionals[0];
    const id = await documentIdBySlug(db.kysely, slug);
    if (id === null) throw new UsageError(`no document named "${slug}" (see: npm run -s cli -- list)`);
    const aligned = (await db.kysely.selectFrom("documents").select("alignment").where("id", "=", id).executeTakeFirst())?.alignment != null;
    if (aligned || format === "meta") {
      // A document with an alignment of its own is written whole (its beads are read whole anyway).
      const doc = (await getDocument(db.kysely, slug))!;
      await out(format === "json" ? exportJson(doc) : format === "meta" ? exportMeta(doc) : exportText(doc, lang));
      return 0;
    }
    // Read and written a page at a time, so a book never sits whole in memory.
    const chunks = format === "json" ? jsonExport(db.kysely, id, { slug, meta: await documentMeta(db.kysely, id) }) : textExport(db.kysely, id, lang);
    for await (const chunk of chunks) await out(chunk);
    return 0;
  } finally {
    await db.close();
  }
}

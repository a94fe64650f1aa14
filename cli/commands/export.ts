import { EXPORT_FORMATS } from "../../server/corpus/export";
import { jsonExport, textExport } from "../../server/corpus/export-stream";
import type { Db } from "../../server/db/connection";
import { documentIdBySlug, documentMeta } from "../../server/documents";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- export SLUG --format txt|json [--lang fr|en]

Prints a document on stdout: with txt, the current text of one language (French by default),
one paragraph per line; with json, the metadata and the aligned paragraphs.`;

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
    // Read and written a page at a time, so a book never sits whole in memory.
    const chunks = format === "json" ? jsonExport(db.kysely, id, { slug, meta: await documentMeta(db.kysely, id) }) : textExport(db.kysely, id, lang);
    for await (const chunk of chunks) await out(chunk);
    return 0;
  } finally {
    await db.close();
  }
}

import type { Db } from "../../server/db/connection";
import { listDocuments } from "../../server/documents";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- list [--format text|json]

Lists the documents: name, paragraph count, language pair and French title.`;

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: "string" } });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, ["text", "json"], "text");
  if (positionals.length) throw new UsageError(`list takes no arguments (got "${positionals[0]}")`);
  const db = await open();
  try {
    const documents = await listDocuments(db.kysely);
    if (format === "json") await out(JSON.stringify({ documents }) + "\n");
    else await out(documents.map((d) => `${d.slug}\t${d.paragraphs}\t${d.sourceLang}-${d.targetLang}\t${d.title.fr}\n`).join(""));
    return 0;
  } finally {
    await db.close();
  }
}

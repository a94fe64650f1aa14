import { readCorrectionsFile, readDocumentDir } from "../../server/corpus/files";
import { importShippedCorrections } from "../../server/ready";
import { importDocument, type ImportResult } from "../../server/corpus/import";
import { recordAudit } from "../../server/audit";
import type { Db } from "../../server/db/connection";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- import DIR [--slug NAME] [--format text|json]

Imports the document in DIR (fr.txt, en.txt and meta.json; one paragraph per line, title first).
Its name in links is the folder's name unless --slug gives another. Importing an unchanged
document changes nothing; a changed one keeps everything recorded against it.`;

function describe(r: ImportResult): string {
  if (r.status === "created") return `created ${r.slug}: ${r.paragraphs} paragraphs`;
  if (r.status === "unchanged") return `unchanged ${r.slug}: nothing to do`;
  const list = (label: string, xs: number[]) => (xs.length ? `${label} ${xs.join(", ")}` : null);
  const parts = (["fr", "en"] as const).flatMap((lang) => {
    const c = r[lang];
    const bits = [list("changed", c.changed), list("added", c.added), list("removed", c.removed)].filter(Boolean);
    return bits.length ? [`${lang}: ${bits.join("; ")}`] : [];
  });
  if (r.metaChanged) parts.push("meta.json changed");
  return `updated ${r.slug}: ${parts.join(" | ")} (paragraphs counted from 0)`;
}

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, { slug: { type: "string" }, format: { type: "string" } });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, ["text", "json"], "text");
  if (positionals.length !== 1) throw new UsageError("import takes exactly one folder (see --help)");
  const source = readDocumentDir(positionals[0], values.slug);
  const corrections = readCorrectionsFile(positionals[0]);
  const db = await open();
  try {
    const result = await importDocument(db.kysely, source, (trx, r) =>
      recordAudit(trx, { action: "document.import", target: r.slug, detail: { status: r.status, via: "cli" }, address: "command line" }),
    );
    const imported = corrections ? await importShippedCorrections(db, source.slug, corrections) : 0;
    const summary = describe(result) + (imported ? `; ${imported} tracked corrections imported` : "");
    await out(format === "json" ? JSON.stringify({ ...result, corrections: imported }) + "\n" : summary + "\n");
    return 0;
  } finally {
    await db.close();
  }
}

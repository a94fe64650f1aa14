import fs from "node:fs";
import path from "node:path";
import { checkFileSize, DocumentError } from "../../lib/corpus/document";
import { parseDocumentMeta } from "../../lib/corpus/meta";
import { readCorrectionsFile, readDocumentDir } from "../../server/corpus/files";
import { readDocumentPair, type InputFile } from "../../server/corpus/convert";
import { importShippedCorrections } from "../../server/ready";
import { importDocument, type ImportResult } from "../../server/corpus/import";
import { recordAudit } from "../../server/audit";
import type { Db } from "../../server/db/connection";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- import DIR [--slug NAME] [--format text|json]
       npm run -s cli -- import FR_FILE EN_FILE [--slug NAME] [--title-fr T --title-en T] [--meta meta.json] [--format text|json]

Imports the document in DIR (fr.txt, en.txt and meta.json; one paragraph per line, title first;
meta.json may carry the alignment when the texts are not one line to one line), or a French and an
English file: plain text (one paragraph per line, or paragraphs separated by blank lines),
Markdown (.md), a saved web page (.html: the article's text) or Word (.docx). Unequal paragraph
counts are aligned automatically; the beads the aligner doubts are marked for review in the reader.
Its name in links is the folder's name (or the French file's) unless --slug gives another.
Importing an unchanged document changes nothing; a changed one keeps everything recorded against it.`;

function describe(r: ImportResult): string {
  const aligned = r.alignment ? `; aligned in ${r.alignment.beads} beads, ${r.alignment.doubtful} doubtful` : "";
  if (r.status === "created") return `created ${r.slug}: ${r.paragraphs} paragraphs${aligned}`;
  if (r.status === "unchanged") return `unchanged ${r.slug}: nothing to do`;
  const list = (label: string, xs: number[]) => (xs.length ? `${label} ${xs.join(", ")}` : null);
  const parts = (["fr", "en"] as const).flatMap((lang) => {
    const c = r[lang];
    const bits = [list("changed", c.changed), list("added", c.added), list("removed", c.removed)].filter(Boolean);
    return bits.length ? [`${lang}: ${bits.join("; ")}`] : [];
  });
  if (r.metaChanged) parts.push("meta.json changed");
  if (r.alignmentChanged) parts.push("alignment changed");
  return `updated ${r.slug}: ${parts.join(" | ")} (paragraphs counted from 0)${aligned}`;
}

function readFile(file: string): InputFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DocumentError("missingFile", { file }, `${file} does not exist`);
  }
  if (!stat.isFile()) throw new DocumentError("missingFile", { file }, `${file} is not a file`);
  checkFileSize(stat.size, file);
  return { name: path.basename(file), bytes: fs.readFileSync(file) };
}

/// A slug from a file name: "Rapport annuel.fr.docx" gives "rapport-annuel".
function slugFromFile(file: string): string {
  const base = path.basename(file).replace(/(\.[a-z0-9]+)+$/i, "");
  return base
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-(fr|french|francais)$/, "");
}

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, {
    slug: { type: "string" },
    format: { type: "string" },
    "title-fr": { type: "string" },
    "title-en": { type: "string" },
    meta: { type: "string" },
  });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, ["text", "json"], "text");
  if (positionals.length === 0 || positionals.length > 2) throw new UsageError("import takes one folder, or a French and an English file (see --help)");
  let source;
  let corrections = null;
  if (positionals.length === 1) {
    if (values["title-fr"] || values["title-en"] || values.meta) throw new UsageError("--title-fr, --title-en and --meta go with two files; a folder has its meta.json");
    source = readDocumentDir(positionals[0], values.slug);
    corrections = readCorrectionsFile(positionals[0]);
  } else {
    let meta;
    if (values.meta) {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(values.meta, "utf8"));
      } catch (e) {
        throw new DocumentError("metaNotJson", { reason: (e as Error).message }, `${values.meta} is not valid JSON: ${(e as Error).message}`);
      }
      const parsed = parseDocumentMeta(json);
      if (!parsed.ok) throw new DocumentError("metaIncomplete", { problems: parsed.problems.join("; ") }, `${values.meta} is incomplete: ${parsed.problems.join("; ")}`);
      meta = parsed.meta;
    }
    const slug = values.slug ?? slugFromFile(positionals[0]);
    const pair = await readDocumentPair(readFile(positionals[0]), readFile(positionals[1]), {
      slug,
      titles: { fr: values["title-fr"], en: values["title-en"] },
      meta,
    });
    const { formats: _, ...rest } = pair;
    source = rest;
  }
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

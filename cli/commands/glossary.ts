import fs from "node:fs";
import path from "node:path";
import { CsvError, readGlossaryCsv, writeGlossaryCsv } from "../../lib/formats/csv";
import { readTbx, TbxError, writeTbx } from "../../lib/formats/tbx";
import { decodeUtf8, TextDecodeError } from "../../lib/text/decode";
import { recordAudit } from "../../server/audit";
import type { Db } from "../../server/db/connection";
import { importEntries, listEntries } from "../../server/glossary/store";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- glossary import FILE.tbx|FILE.csv
       npm run -s cli -- glossary export --format tbx|csv

import  adds the entries of a TBX-Basic or CSV (Crowdin/Weblate layout) term base to the app's
        glossary; entries edited in the app since they were imported keep the app's version.
export  prints the app's glossary (as terminologists edited it) on stdout.`;

const LIMIT = 10 * 1024 * 1024;

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: "string" } });
  if (values.help) return out(usage + "\n").then(() => 0);
  const [sub, ...rest] = positionals;
  if (sub === "import") {
    if (rest.length !== 1) throw new UsageError("glossary import takes exactly one file (see --help)");
    const file = rest[0];
    let text: string;
    try {
      if (fs.statSync(file).size > LIMIT) throw new UsageError(`${file} is over 10 MB`);
      text = decodeUtf8(fs.readFileSync(file), path.basename(file));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof TextDecodeError) throw new UsageError(e.message);
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let entries;
    try {
      entries = file.toLowerCase().endsWith(".csv") ? readGlossaryCsv(text) : readTbx(text);
    } catch (e) {
      if (e instanceof TbxError || e instanceof CsvError) throw new UsageError(`${path.basename(file)}: ${e.message}`);
      throw e;
    }
    const db = await open();
    try {
      const r = await importEntries(db.kysely, path.basename(file), entries, "command line");
      await recordAudit(db.kysely, { action: "glossary.import", target: path.basename(file), detail: { ...r, via: "cli" }, address: "command line" });
      await out(`imported ${path.basename(file)}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.kept} kept as edited in the app\n`);
      return 0;
    } finally {
      await db.close();
    }
  }
  if (sub === "export") {
    const format = oneOf("format", values.format, ["tbx", "csv"], "tbx");
    const db = await open();
    try {
      const entries = await listEntries(db.kysely);
      await out(format === "csv" ? writeGlossaryCsv(entries) : writeTbx(entries, { title: "Vis-à-vis glossary" }));
      return 0;
    } finally {
      await db.close();
    }
  }
  throw new UsageError(sub ? `unknown glossary command "${sub}" (see --help)` : "glossary needs import or export (see --help)");
}

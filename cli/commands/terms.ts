import fs from "node:fs";
import path from "node:path";
import { TbxError } from "../../lib/formats/tbx";
import { buildTermIndex, matchParagraphs } from "../../lib/glossary/match";
import { decodeUtf8, TextDecodeError } from "../../lib/text/decode";
import { splitParagraphs } from "../../lib/text/paragraphs";
import { listTermBases, readTermBase } from "../../server/glossary/files";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- terms FR.txt [--en EN.txt] [--glossary DIR] [--format text|json]

Finds every glossary term in FR.txt (and EN.txt): inflected, elided and capitalised forms too.
The glossary is every .tbx file in DIR (default: glossary). Paragraphs are the non-empty lines,
counted from 0; offsets are UTF-16 code units into the NFC paragraph, end exclusive.
With --format json: {"matches":[{"lang","paragraph","start","end","entry","term","status"}…]}.`;

/// Reads a text file's paragraphs, or fails as bad input (exit status 2).
export function readParagraphsFile(file: string): string[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return splitParagraphs(decodeUtf8(bytes, path.basename(file)));
  } catch (e) {
    if (e instanceof TextDecodeError) throw new UsageError(e.message);
    throw e;
  }
}

/// The glossary of a folder of TBX files, or a usage error.
export function readGlossaryDir(dir: string) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  try {
    return listTermBases(dir).flatMap(readTermBase);
  } catch (e) {
    if (e instanceof TbxError) throw new UsageError(e.message);
    throw e;
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { en: { type: "string" }, glossary: { type: "string" }, format: { type: "string" } });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, ["text", "json"], "text");
  if (positionals.length !== 1) throw new UsageError("terms takes exactly one French text file (see --help)");
  const index = buildTermIndex(readGlossaryDir(values.glossary ?? "glossary"));
  const fr = matchParagraphs(index, readParagraphsFile(positionals[0]), "fr");
  const en = values.en ? matchParagraphs(index, readParagraphsFile(values.en), "en") : [];
  const matches = [...fr, ...en].map(({ lang, paragraph, start, end, entry, term, status }) => ({ lang, paragraph, start, end, entry, term, status }));
  if (format === "json") await out(JSON.stringify({ matches }) + "\n");
  else await out(matches.map((m) => `${m.lang}\t${m.paragraph}\t${m.start}-${m.end}\t${m.term}\t${m.entry}\t${m.status}\n`).join(""));
  return 0;
}

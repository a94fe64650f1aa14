import { alignParagraphs, alignSentences, type Bead } from "../../lib/align";
import { loadFreedictLexicon } from "../../server/align/freedict";
import { oneOf, out, parse, UsageError } from "../args";
import { readParagraphsFile } from "./terms";

export const usage = `Usage: npm run -s cli -- align FR.txt EN.txt [--level paragraph|sentence] [--format tsv|json] [--progress] [--no-dictionary]

Aligns a French text with its English rendering: every paragraph (or sentence) of each side in
exactly one bead, in order — 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 and longer merges — each with a
confidence score in [0, 1]. Paragraphs are the non-empty lines, counted from 0; with
--level sentence, sentences are numbered across the whole text from 0.
With --format json: {"beads":[{"fr":[0],"en":[0],"score":0.93}…]} (and, at sentence level,
"sentences":{"fr":[{"paragraph","start","end","text"}…],"en":[…]}, offsets in UTF-16 code units
into the NFC paragraph, end exclusive).
With --format tsv (the default): a hunalign-style ladder, one line per bead, "fr\\ten\\tscore"
where fr and en are the indices at which the bead starts; the last line is the end of both texts.
Progress goes to stderr when it is a terminal, or with --progress. The FreeDict French–English
dictionary (Debian's dict-freedict-fra-eng) is used when installed, unless --no-dictionary.`;

/// A one-line progress report on stderr, rewritten in place on a terminal.
function progressReporter(level: string): (done: number, total: number) => void {
  let last = -1;
  const tty = process.stderr.isTTY;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (percent === last) return;
    last = percent;
    const line = `aligning ${level}s: ${percent}%`;
    if (tty) process.stderr.write(`\r${line}${percent >= 100 ? "\n" : ""}`);
    else if (percent % 10 === 0 || percent >= 100) process.stderr.write(line + "\n");
  };
}

function ladder(beads: readonly Bead[], frCount: number, enCount: number): string {
  let fr = 0;
  let en = 0;
  let text = "";
  for (const b of beads) {
    text += `${fr}\t${en}\t${b.score}\n`;
    fr += b.fr.length;
    en += b.en.length;
  }
  if (fr !== frCount || en !== enCount) throw new Error("alignment does not cover both texts");
  return text + `${fr}\t${en}\t1\n`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    level: { type: "string" },
    format: { type: "string" },
    progress: { type: "boolean" },
    "no-dictionary": { type: "boolean" },
  });
  if (values.help) return out(usage + "\n").then(() => 0);
  const level = oneOf("level", values.level, ["paragraph", "sentence"], "paragraph");
  const format = oneOf("format", values.format, ["tsv", "json"], "tsv");
  if (positionals.length !== 2) throw new UsageError("align takes exactly two text files, French then English (see --help)");
  const fr = readParagraphsFile(positionals[0]!);
  const en = readParagraphsFile(positionals[1]!);
  const lexicon = values["no-dictionary"] ? undefined : (loadFreedictLexicon() ?? undefined);
  const onProgress = values.progress || process.stderr.isTTY ? progressReporter(level) : undefined;
  const paragraphBeads = alignParagraphs(fr, en, { lexicon, onProgress: level === "paragraph" ? onProgress : undefined });
  if (level === "paragraph") {
    await out(format === "json" ? JSON.stringify({ beads: paragraphBeads }) + "\n" : ladder(paragraphBeads, fr.length, en.length));
    return 0;
  }
  const aligned = alignSentences(fr, en, paragraphBeads, { lexicon, onProgress });
  // Number sentences across the whole text.
  const number = (paragraphs: string[], spans: typeof aligned.sentences.fr) => {
    const first: number[] = [];
    const list: Array<{ paragraph: number; start: number; end: number; text: string }> = [];
    spans.forEach((ss, p) => {
      first.push(list.length);
      for (const s of ss) list.push({ paragraph: p, start: s.start, end: s.end, text: paragraphs[p]!.slice(s.start, s.end) });
    });
    return { first, list };
  };
  const frS = number(fr, aligned.sentences.fr);
  const enS = number(en, aligned.sentences.en);
  const beads: Bead[] = [];
  paragraphBeads.forEach((pb, k) => {
    const frBase = pb.fr.length ? frS.first[pb.fr[0]!]! : 0;
    const enBase = pb.en.length ? enS.first[pb.en[0]!]! : 0;
    for (const b of aligned.beads[k]!) beads.push({ fr: b.fr.map((x) => x + frBase), en: b.en.map((x) => x + enBase), score: b.score });
  });
  if (format === "json") await out(JSON.stringify({ beads, sentences: { fr: frS.list, en: enS.list } }) + "\n");
  else await out(ladder(beads, frS.list.length, enS.list.length));
  return 0;
}

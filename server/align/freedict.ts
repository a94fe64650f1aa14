/// Debian's FreeDict French–English dictionary (`dict-freedict-fra-eng`) as the aligner's
/// lexicon, where it is installed: /usr/share/dictd/freedict-fra-eng.index (headword, offset,
/// length in dictd's base64) and .dict.dz (a gzip file, which Node inflates whole: 400 kB).
/// Without it the aligner works on the texts' own evidence; `loadFreedictLexicon` says so by
/// returning null.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Lexicon } from "../../lib/align/lexicon";
import { lexiconWord, STOPWORDS } from "../../lib/align/words";

export const FREEDICT_DIR = "/usr/share/dictd";
const NAME = "freedict-fra-eng";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A number in dictd's base64 (most significant digit first).
export function dictNumber(text: string): number {
  let n = 0;
  for (const c of text) {
    const d = B64.indexOf(c);
    if (d < 0) throw new Error(`not a dictd number: ${text}`);
    n = n * 64 + d;
  }
  return n;
}

/// Whether the dictionary's files are there.
export function freedictAvailable(dir = FREEDICT_DIR): boolean {
  return fs.existsSync(path.join(dir, `${NAME}.index`)) && fs.existsSync(path.join(dir, `${NAME}.dict.dz`));
}

/// The English single words of an entry's translation lines ("1. cede, give in, yield" → cede, yield).
function translations(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const part of line.replace(/^\s*\d+\.\s*/, "").split(/[,;]/)) {
      const w = lexiconWord(part.trim());
      if (/^[\p{L}][\p{L}'-]*$/u.test(w) && !STOPWORDS.has(w)) out.push(w);
    }
  }
  return out;
}

let cache: { dir: string; lexicon: Lexicon | null } | undefined;

/// The dictionary as a lexicon (French word → English words), or null when it is not installed
/// or cannot be read. Read once per process.
export function loadFreedictLexicon(dir = FREEDICT_DIR): Lexicon | null {
  if (cache?.dir === dir) return cache.lexicon;
  let lexicon: Map<string, string[]> | null = null;
  try {
    if (freedictAvailable(dir)) {
      const index = fs.readFileSync(path.join(dir, `${NAME}.index`), "utf8");
      const dict = zlib.gunzipSync(fs.readFileSync(path.join(dir, `${NAME}.dict.dz`)));
      lexicon = new Map();
      for (const line of index.split("\n")) {
        const [, offset, length] = line.split("\t");
        if (!offset || !length || line.startsWith("00database")) continue;
        const start = dictNumber(offset);
        const entry = dict.subarray(start, start + dictNumber(length)).toString("utf8").split("\n");
        const head = /^(.+?)(?:\s+\/[^/]*\/)?(?:\s+<[^>]*>)?\s*$/.exec(entry[0] ?? "");
        if (!head) continue;
        const word = lexiconWord(head[1]!);
        if (/\s/.test(word)) continue;
        const ens = translations(entry.slice(1));
        if (ens.length === 0) continue;
        const list = lexicon.get(word);
        if (list) for (const e of ens) !list.includes(e) && list.push(e);
        else lexicon.set(word, ens);
      }
    }
  } catch {
    lexicon = null;
  }
  cache = { dir, lexicon };
  return lexicon;
}

/// Sentence-level gold alignments: the UDHR (its paragraphs' sentences correspond one to one,
/// plus the English "Now, therefore,"), the seed document against its English (one to one), and
/// a short story written and aligned by hand for these tests (tests/lib/align/fixtures), with
/// merges, splits, omissions and additions. Sentences are numbered across the whole text.
import fs from "node:fs";
import path from "node:path";
import type { Bead, SentenceAlignment } from "../../lib/align";
import { splitParagraphs } from "../../lib/text/paragraphs";
import { splitSentences } from "../../lib/text/sentences";
import { beadF1 } from "./align-gold";
import { udhr, type GoldBead } from "./udhr";

const root = path.resolve(import.meta.dirname, "../..");

export interface SentenceGold {
  name: string;
  fr: string[];
  en: string[];
  /// Number of gold sentence beads.
  beads: number;
  gold: GoldBead[];
  /// Exact-bead F1 of an alignment of `fr` and `en`, with sentences numbered across the text.
  score(paragraphBeads: Bead[], sentences: SentenceAlignment): number;
}

/// The seed document and its English, paragraph by paragraph.
export function seedPair(): { fr: string[]; en: string[] } {
  const read = (lang: string) => splitParagraphs(fs.readFileSync(path.join(root, "corpus/deepseek-containment", `${lang}.txt`), "utf8"));
  return { fr: read("fr"), en: read("en") };
}

/// Index of each paragraph's first sentence, numbering sentences across the text.
function firsts(counts: number[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (const c of counts) {
    out.push(n);
    n += c;
  }
  return out;
}

/// The sentence beads of an alignment, numbered across the whole text.
export function globalSentenceBeads(paragraphBeads: Bead[], s: SentenceAlignment): GoldBead[] {
  const frFirst = firsts(s.sentences.fr.map((x) => x.length));
  const enFirst = firsts(s.sentences.en.map((x) => x.length));
  return paragraphBeads.flatMap((pb, k) => {
    const f = pb.fr.length ? frFirst[pb.fr[0]!]! : 0;
    const e = pb.en.length ? enFirst[pb.en[0]!]! : 0;
    return s.beads[k]!.map((b) => ({ fr: b.fr.map((x) => x + f), en: b.en.map((x) => x + e) }));
  });
}

/// Gold where the sentences of aligned paragraphs correspond one to one.
function oneToOne(name: string, fr: string[], en: string[], paragraphGold: GoldBead[]): SentenceGold {
  const frCounts = fr.map((p) => splitSentences(p, "fr").length);
  const enCounts = en.map((p) => splitSentences(p, "en").length);
  const frFirst = firsts(frCounts);
  const enFirst = firsts(enCounts);
  const gold: GoldBead[] = [];
  for (const b of paragraphGold) {
    const f = b.fr.flatMap((p) => Array.from({ length: frCounts[p]! }, (_, k) => frFirst[p]! + k));
    const e = b.en.flatMap((p) => Array.from({ length: enCounts[p]! }, (_, k) => enFirst[p]! + k));
    if (f.length === e.length) f.forEach((x, k) => gold.push({ fr: [x], en: [e[k]!] }));
    else gold.push({ fr: f, en: e });
  }
  return { name, fr, en, beads: gold.length, gold, score: (pb, s) => beadF1(globalSentenceBeads(pb, s), gold) };
}

interface HandParagraph {
  fr: string[];
  en: string[];
  beads: Array<[number[], number[]]>;
}

/// The hand-aligned story: its paragraphs (sentences joined by a space) and sentence gold.
export function handAligned(): SentenceGold & { paragraphs: HandParagraph[] } {
  const file = path.join(root, "tests/lib/align/fixtures/hand-aligned.json");
  const { paragraphs } = JSON.parse(fs.readFileSync(file, "utf8")) as { paragraphs: HandParagraph[] };
  const gold: GoldBead[] = [];
  let f = 0;
  let e = 0;
  for (const p of paragraphs) {
    for (const [fr, en] of p.beads) gold.push({ fr: fr.map((x) => x + f), en: en.map((x) => x + e) });
    f += p.fr.length;
    e += p.en.length;
  }
  const fr = paragraphs.map((p) => p.fr.join(" "));
  const en = paragraphs.map((p) => p.en.join(" "));
  return { name: "hand-aligned story", fr, en, beads: gold.length, gold, paragraphs, score: (pb, s) => beadF1(globalSentenceBeads(pb, s), gold) };
}

/// Every sentence-level gold.
export function sentenceGold(): SentenceGold[] {
  const u = udhr();
  const seed = seedPair();
  return [
    oneToOne("UDHR", u.fr, u.en, u.gold),
    oneToOne("seed document", seed.fr, seed.en, seed.fr.map((_, k) => ({ fr: [k], en: [k] }))),
    handAligned(),
  ];
}

/// The aligner: pairs a French text and its English rendering into beads (1-1, 1-0, 0-1, 2-1,
/// 1-2, 2-2 and longer merges), at paragraph level and at sentence level within aligned
/// paragraphs, each bead with a confidence.
///
/// It needs nothing but the two texts: a length model (Gale & Church's, its parameters estimated
/// from the text) and lexical evidence found in the text itself — numbers, names, acronyms,
/// cognates, punctuation — then a second pass with a lexicon learned from the first pass's beads
/// (as hunalign's realign does). A dictionary lexicon (FreeDict, read on the server) and the
/// glossary's term pairs are used when given. Cost is linear: banded dynamic programming around
/// the expected path, widened only where the path needs it.
import { alignBanded, pathRows, type RawBead } from "./band";
import { estimateModel, ModelEvidence } from "./estimate";
import { Interner, sideFeatures, withTranslations } from "./features";
import { learnTranslations, lexiconFromTermPairs, mergeLexicons, type Lexicon } from "./lexicon";
import { BEAD_TYPES, defaultModel, Sides, type Model } from "./model";
import { splitSentences, type SentenceSpan } from "../text/sentences";

export type { Lexicon } from "./lexicon";
export { learnLexicon, lexiconFromTermPairs, mergeLexicons } from "./lexicon";
export type { SentenceSpan } from "../text/sentences";

/// A bead: the indices (in order) of the French and English units it pairs, and the aligner's
/// confidence in it, in [0, 1].
export interface Bead {
  fr: number[];
  en: number[];
  score: number;
}

export interface AlignOptions {
  /// A French→English lexicon (e.g. FreeDict's), used as extra evidence.
  lexicon?: Lexicon;
  /// Glossary term pairs [French, English], used as extra evidence.
  termPairs?: Array<[string, string]>;
  /// Called as the work advances (`done` out of `total` steps).
  onProgress?: (done: number, total: number) => void;
}

/// Beads whose score is below this are doubtful: shown to the reviewer to check.
export const DOUBTFUL_SCORE = 0.6;

/// Characters of prior belief in the expected length ratio (1, or the paragraphs' for sentences).
const RATIO_WEIGHT = 500;

const clampRatio = (r: number) => (r > 1.6 || r < 0.6 ? 1 : r);

/// Texts of at most this many units per side get a third pass.
const REALIGN_LIMIT = 10_000;

/// Texts whose table has at most this many cells are aligned in the whole table.
const SMALL_TABLE = 100_000;

/// Half-width of the band of the rough pass, in units, around the diagonal that the lengths suggest.
const ROUGH_WIDTH = 40;
/// Half-width of the band of the first pass, around the rough pass's path.
const FIRST_WIDTH = 8;
/// Half-width of the band of the second pass, around the first pass's path.
const SECOND_WIDTH = 6;

/// The diagonal that the lengths suggest: in row i, the English unit at the same fraction of the text.
function lengthDiagonal(sides: Sides): { from: Int32Array; to: Int32Array } {
  const n = sides.n;
  const m = sides.m;
  const from = new Int32Array(n + 1);
  const totalFr = sides.frLength[n]! || 1;
  const totalEn = sides.enLength[m]! || 1;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const target = (sides.frLength[i]! / totalFr) * totalEn;
    while (j < m && sides.enLength[j + 1]! <= target) j++;
    from[i] = j;
  }
  from[n] = m;
  return { from, to: from };
}

function toBeads(raw: readonly RawBead[]): Bead[] {
  return raw.map((b) => {
    const [a, c] = BEAD_TYPES[b.type]!;
    return {
      fr: Array.from({ length: a }, (_, k) => b.fr + k),
      en: Array.from({ length: c }, (_, k) => b.en + k),
      score: Math.round(b.score * 1000) / 1000,
    };
  });
}

function givenLexicon(options: AlignOptions): Lexicon | undefined {
  if (!options.lexicon && !options.termPairs?.length) return undefined;
  return mergeLexicons(options.lexicon, options.termPairs ? lexiconFromTermPairs(options.termPairs) : undefined);
}

/// Aligns units (paragraphs or sentences): a rough pass by lengths alone in a wide band, then
/// lengths and anchors in a narrow band around it, then with a lexicon learned from that pass's
/// 1-1 beads (and once more, from the better beads, for texts that are not huge). The model's
/// parameters are estimated again after each pass. Returns the beads and the final model.
function alignUnits(
  fr: readonly string[],
  en: readonly string[],
  options: AlignOptions,
  progress?: (done: number, total: number) => void,
  expectedRatio = 1,
): { raw: RawBead[]; model: Model } {
  const n = fr.length;
  const m = en.length;
  const interner = new Interner();
  const given = givenLexicon(options);
  const frUnits = sideFeatures(fr, "fr", interner, given);
  const enUnits = sideFeatures(en, "en", interner, given);
  let sides = new Sides(frUnits, enUnits);
  // English characters per French one: the texts' own ratio, unless they are too short to say.
  // Far from 1:1, one text has much that the other has not: the totals say nothing.
  const ratio = clampRatio((sides.enLength[m]! + RATIO_WEIGHT * expectedRatio) / (sides.frLength[n]! + RATIO_WEIGHT));
  let model = defaultModel(ratio);
  // Pass 3 (texts of up to REALIGN_LIMIT units, to keep long ones fast): the lexicon learned
  // again from pass 2's better beads, and the model estimated again.
  const realign = Math.max(n, m) <= REALIGN_LIMIT;
  const total = (realign ? 3 : 2) * (n + 1);
  const row = (pass: number) => (progress ? (i: number) => (i & 255) === 0 && progress(pass * (n + 1) + i, total) : undefined);

  // Pass 0, cheap: lengths alone, in a wide band around the length diagonal. Where the counts
  // differ a lot, the band is widened to the difference, within a linear budget.
  const width = Math.max(ROUGH_WIDTH, Math.min(Math.abs(n - m), Math.floor((40 * Math.max(n, m)) / (Math.min(n, m) + 1))));
  // A short text needs no rough pass: pass 1 takes the whole table.
  const small = (n + 1) * (m + 1) <= SMALL_TABLE;
  const rough = small ? [] : alignBanded(sides, model, lengthDiagonal(sides), width, { posteriors: false, rough: true });
  // Pass 1: lengths and anchors, around pass 0's path.
  const around = small ? lengthDiagonal(sides) : pathRows(rough, n, m);
  const first = alignBanded(sides, model, around, small ? Math.max(n, m) : FIRST_WIDTH, { posteriors: false, types: 6, onRow: row(0) });
  const evidence = new ModelEvidence();
  evidence.add(sides, first);
  model = estimateModel(evidence, model);
  evidence.addDeviations(sides, first, model.ratio);
  model = estimateModel(evidence, model);

  // Pass 2: with a lexicon learned from pass 1's 1-1 beads (as well as the given one), around
  // pass 1's path.
  const learned = learnTranslations(first.filter((b) => b.type === 0).map((b) => [frUnits.content.row(b.fr), enUnits.content.row(b.en)] as const));
  sides = new Sides(withTranslations(frUnits, learned), enUnits);
  const evidence2 = new ModelEvidence();
  evidence2.add(sides, first);
  evidence2.addDeviations(sides, first, model.ratio);
  model = estimateModel(evidence2, model);
  let second = alignBanded(sides, model, pathRows(first, n, m), SECOND_WIDTH, { posteriors: !realign, onRow: row(1) });
  if (realign) {
    const learned2 = learnTranslations(second.filter((b) => b.type === 0).map((b) => [frUnits.content.row(b.fr), enUnits.content.row(b.en)] as const));
    sides = new Sides(withTranslations(frUnits, learned2), enUnits);
    const evidence3 = new ModelEvidence();
    evidence3.add(sides, second);
    evidence3.addDeviations(sides, second, model.ratio);
    model = estimateModel(evidence3, model);
    second = alignBanded(sides, model, pathRows(second, n, m), SECOND_WIDTH, { posteriors: true, onRow: row(2) });
  }
  progress?.(total, total);
  return { raw: second, model };
}

/// Aligns two texts paragraph by paragraph: every paragraph of each side is in exactly one bead,
/// in order.
export function alignParagraphs(fr: string[], en: string[], options: AlignOptions = {}): Bead[] {
  if (fr.length === 0 || en.length === 0) {
    return [...fr.map((_, k) => ({ fr: [k], en: [], score: 1 })), ...en.map((_, k) => ({ fr: [], en: [k], score: 1 }))];
  }
  return toBeads(alignUnits(fr, en, options, options.onProgress).raw);
}

/// The sentence alignment of a paragraph alignment.
export interface SentenceAlignment {
  /// The sentences of each paragraph, by side and paragraph index.
  sentences: { fr: SentenceSpan[][]; en: SentenceSpan[][] };
  /// For each paragraph bead, its sentence beads; their indices number the sentences of that
  /// bead's paragraphs in order (the first sentence of its first paragraph is 0).
  beads: Bead[][];
}

/// Aligns the sentences within each paragraph bead of `paragraphBeads`.
export function alignSentences(fr: string[], en: string[], paragraphBeads: Bead[], options: AlignOptions = {}): SentenceAlignment {
  const frSpans = fr.map((p) => splitSentences(p, "fr"));
  const enSpans = en.map((p) => splitSentences(p, "en"));
  const texts = (paragraphs: string[], spans: SentenceSpan[][], indices: number[]) =>
    indices.flatMap((p) => spans[p]!.map((s) => paragraphs[p]!.slice(s.start, s.end)));
  const beads: Bead[][] = [];
  const total = paragraphBeads.length;
  // The length ratio of the paragraphs that have a counterpart: sentences share it.
  let frLength = 0;
  let enLength = 0;
  for (const pb of paragraphBeads) {
    if (pb.fr.length === 0 || pb.en.length === 0) continue;
    for (const p of pb.fr) frLength += fr[p]!.length;
    for (const p of pb.en) enLength += en[p]!.length;
  }
  const ratio = clampRatio((enLength + RATIO_WEIGHT) / (frLength + RATIO_WEIGHT));
  paragraphBeads.forEach((pb, k) => {
    const f = texts(fr, frSpans, pb.fr);
    const e = texts(en, enSpans, pb.en);
    if (f.length === 0 || e.length === 0) {
      beads.push([...f.map((_, x) => ({ fr: [x], en: [], score: pb.score })), ...e.map((_, x) => ({ fr: [], en: [x], score: pb.score }))]);
    } else if (f.length === 1 && e.length === 1) {
      beads.push([{ fr: [0], en: [0], score: pb.score }]);
    } else {
      beads.push(toBeads(alignUnits(f, e, options, undefined, ratio).raw));
    }
    if ((k & 63) === 0) options.onProgress?.(k, total);
  });
  options.onProgress?.(total, total);
  return { sentences: { fr: frSpans, en: enSpans }, beads };
}

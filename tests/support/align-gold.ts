/// Gold alignments for the aligner's accuracy tests and benchmark: a text pair with its gold
/// beads, harder variants made by seeded random edits of one side (paragraphs merged with a
/// neighbour, split at a sentence boundary, deleted), and exact-bead F1.
import { splitSentences } from "../../lib/text/sentences";
import { mulberry32 } from "./random";
import type { GoldBead } from "./udhr";

export interface GoldPair {
  fr: string[];
  en: string[];
  gold: GoldBead[];
}

export interface EditRates {
  merge: number;
  split: number;
  delete: number;
}

/// The hard variant: 10 % merged, 10 % split, 5 % deleted.
export const HARD_EDITS: EditRates = { merge: 0.1, split: 0.1, delete: 0.05 };

interface Piece {
  text: string;
  /// Gold beads this paragraph belongs to, with the offset at which each one's text starts.
  beads: number[];
  starts: number[];
}

/// The part of `p` from `from` to `to`, trimmed, with the beads whose text it overlaps.
function slice(p: Piece, from: number, to: number): Piece {
  const raw = p.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const a = from + lead;
  const b = a + text.length;
  const beads: number[] = [];
  const starts: number[] = [];
  p.beads.forEach((bead, k) => {
    const s = p.starts[k]!;
    const e = k + 1 < p.beads.length ? p.starts[k + 1]! : p.text.length;
    if (s < b && e > a) {
      beads.push(bead);
      starts.push(Math.max(0, s - a));
    }
  });
  return { text, beads, starts };
}

/// A variant of `pair` with one side edited (`side`, or the English side for even seeds and
/// the French side for odd ones), and its gold alignment.
export function editedVariant(pair: GoldPair, seed: number, rates: EditRates = HARD_EDITS, side?: "fr" | "en"): GoldPair {
  const random = mulberry32(seed);
  const edited: "fr" | "en" = side ?? (seed % 2 === 0 ? "en" : "fr");
  const other: "fr" | "en" = edited === "fr" ? "en" : "fr";
  const owner = new Map<number, number>();
  pair.gold.forEach((b, k) => b[edited].forEach((p) => owner.set(p, k)));
  const pieces: Piece[] = pair[edited].map((text, p) => ({ text, beads: [owner.get(p)!], starts: [0] }));
  const count = (rate: number) => Math.round(rate * pair[edited].length);
  for (let n = count(rates.merge); n > 0 && pieces.length > 1; n--) {
    const k = Math.floor(random() * (pieces.length - 1));
    const [a, b] = [pieces[k]!, pieces[k + 1]!];
    const shift = a.text.length + 1;
    pieces.splice(k, 2, { text: `${a.text} ${b.text}`, beads: [...a.beads, ...b.beads], starts: [...a.starts, ...b.starts.map((x) => x + shift)] });
  }
  for (let n = count(rates.split), tries = 0; n > 0 && tries < 1000; tries++) {
    const k = Math.floor(random() * pieces.length);
    const spans = splitSentences(pieces[k]!.text, edited);
    if (spans.length < 2) continue;
    const at = spans[1 + Math.floor(random() * (spans.length - 1))]!.start;
    const p = pieces[k]!;
    pieces.splice(k, 1, slice(p, 0, at), slice(p, at, p.text.length));
    n--;
  }
  for (let n = count(rates.delete); n > 0 && pieces.length > 1; n--) {
    pieces.splice(Math.floor(random() * pieces.length), 1);
  }
  // Gold beads that now share a paragraph become one bead.
  const parent = pair.gold.map((_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const p of pieces) for (const b of p.beads.slice(1)) parent[find(b)] = find(p.beads[0]!);
  const groups = new Map<number, GoldBead>();
  const order: GoldBead[] = [];
  pair.gold.forEach((b, k) => {
    const root = find(k);
    let g = groups.get(root);
    if (!g) {
      groups.set(root, (g = { fr: [], en: [] }));
      order.push(g);
    }
    g[other].push(...b[other]);
  });
  pieces.forEach((p, index) => {
    const g = groups.get(find(p.beads[0]!))!;
    if (!g[edited].includes(index)) g[edited].push(index);
  });
  const gold = order.filter((g) => g.fr.length + g.en.length > 0);
  return { ...pair, [edited]: pieces.map((p) => p.text), gold } as GoldPair;
}

const key = (b: { fr: number[]; en: number[] }) => `${b.fr.join(",")}|${b.en.join(",")}`;

/// Exact-bead F1: a bead counts only if both its index sets are a gold bead's.
export function beadF1(found: ReadonlyArray<{ fr: number[]; en: number[] }>, gold: readonly GoldBead[]): number {
  if (found.length + gold.length === 0) return 1;
  const g = new Set(gold.map(key));
  const correct = found.filter((b) => g.has(key(b))).length;
  return (2 * correct) / (found.length + gold.length);
}

/// A long pair for benchmarks: `count` French paragraphs or so, made of hard variants of `pair`
/// (one per copy, each with its own seed) laid end to end, with the gold of the whole; headings
/// ("Article 12") are numbered on through the copies, so that the text repeats but its numbers
/// do not.
export function longPair(pair: GoldPair, count: number, seed = 1): GoldPair {
  const out: GoldPair = { fr: [], en: [], gold: [] };
  for (let copy = 0; out.fr.length < count; copy++) {
    const v = editedVariant(pair, seed * 100_003 + copy);
    const [f, e] = [out.fr.length, out.en.length];
    // Articles numbered on through the copies, as in a long code of law.
    const renumber = (p: string) => (copy === 0 ? p : p.replace(/^Article (\d+|premier)$/, (_, k) => `Article ${(k === "premier" ? 1 : Number(k)) + 30 * copy}`));
    out.fr.push(...v.fr.map(renumber));
    out.en.push(...v.en.map(renumber));
    for (const b of v.gold) out.gold.push({ fr: b.fr.map((x) => x + f), en: b.en.map((x) => x + e) });
  }
  return out;
}

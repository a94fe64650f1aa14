/// The aligner's probability model of a bead: how likely its shape is (a prior per bead type),
/// how well its two sides' lengths agree (Gale & Church's normal model of the length ratio), and
/// how much lexical evidence they share (a likelihood ratio: keys shared as often as in true
/// translations, or only as often as in unrelated units). Every parameter is estimated from the
/// text being aligned (`estimateModel`), starting from `defaultModel`.
import { overlap, type Unit } from "./features";

/// The bead types: [French units, English units].
export const BEAD_TYPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
  [3, 2],
  [2, 3],
];

/// How often keys are shared: in a true bead (`match`) and between unrelated units (`chance`).
export interface KeyRates {
  match: number;
  chance: number;
}

export interface Model {
  /// English length per French character.
  ratio: number;
  /// Variance of the length difference per character (Gale & Church's s²).
  variance: number;
  /// −log prior of each bead type (same order as BEAD_TYPES).
  typeCost: Float64Array;
  anchors: KeyRates;
  words: KeyRates;
  /// Weight of the lexical evidence against the length model (keys are not independent).
  lexicalWeight: number;
}

const DEFAULT_PRIOR = [0.86, 0.01, 0.01, 0.045, 0.045, 0.01, 0.004, 0.004, 0.001, 0.001];

export function defaultModel(ratio = 1): Model {
  return {
    ratio,
    variance: 6.8,
    typeCost: Float64Array.from(DEFAULT_PRIOR, (p) => -Math.log(p)),
    anchors: { match: 0.35, chance: 0.06 },
    words: { match: 0.25, chance: 0.04 },
    lexicalWeight: 0.5,
  };
}

/// log(erfc(x)) for x ≥ 0, accurate enough in the tails (Numerical Recipes' erfc, then its log).
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly;
}

/// −log of the probability that lengths `fr` and `en` are translations of each other.
export function lengthCost(model: Model, fr: number, en: number): number {
  const mean = (fr * model.ratio + en) / 2;
  if (mean <= 0) return 0;
  const delta = Math.abs(en - fr * model.ratio) / Math.sqrt(model.variance * mean);
  return -logErfc(delta / Math.SQRT2);
}

/// Log-likelihood ratio of sharing `shared` keys out of `n` under true vs chance pairing.
export function keyEvidence(rates: KeyRates, shared: number, n: number): number {
  if (n <= 0) return 0;
  const k = Math.min(shared, n);
  return k * Math.log(rates.match / rates.chance) + (n - k) * Math.log((1 - rates.match) / (1 - rates.chance));
}

/// Keys of `a` not in `b` (both sorted).
function minus(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return Int32Array.from(out);
}

/// A side's units cut into pieces, so that the keys of a merge of consecutive units are counted
/// once: piece 0 of a unit is all its keys, piece 1 those not in the unit before it, piece 2
/// those in neither of the two units before it. A merge of units i, i+1, i+2 is then the disjoint
/// union of piece 0 of i, piece 1 of i+1 and piece 2 of i+2.
class Pieces {
  readonly anchors: Int32Array[][];
  readonly words: Int32Array[][];
  constructor(units: readonly Unit[]) {
    const cut = (keys: (u: Unit) => Int32Array) => {
      const level0 = units.map(keys);
      const level1 = level0.map((k, i) => (i > 0 ? minus(k, level0[i - 1]!) : k));
      const level2 = level0.map((k, i) => (i > 1 ? minus(level1[i]!, level0[i - 2]!) : level1[i]!));
      return [level0, level1, level2];
    };
    this.anchors = cut((u) => u.anchors);
    this.words = cut((u) => u.words);
  }
}

/// The two sides of a text being aligned.
export class Sides {
  readonly frLength: Float64Array;
  readonly enLength: Float64Array;
  private readonly frPieces: Pieces;
  private readonly enPieces: Pieces;
  constructor(
    readonly fr: readonly Unit[],
    readonly en: readonly Unit[],
  ) {
    // Prefix sums, so that a bead's totals are two reads.
    const prefix = (units: readonly Unit[], f: (u: Unit) => number) => {
      const a = new Float64Array(units.length + 1);
      for (let k = 0; k < units.length; k++) a[k + 1] = a[k]! + f(units[k]!);
      return a;
    };
    this.frLength = prefix(fr, (u) => u.length);
    this.enLength = prefix(en, (u) => u.length);
    this.frPieces = new Pieces(fr);
    this.enPieces = new Pieces(en);
  }

  /// Shared anchor keys and shared translation keys of French unit `i`'s piece `pf` and English
  /// unit `j`'s piece `pe`, packed as anchors | words << 16.
  pair(i: number, j: number, pf = 0, pe = 0): number {
    const a = overlap(this.frPieces.anchors[pf]![i]!, this.enPieces.anchors[pe]![j]!);
    const w = overlap(this.frPieces.words[pf]![i]!, this.enPieces.words[pe]![j]!);
    return Math.min(a, 0xffff) | (Math.min(w, 0x7fff) << 16);
  }

  /// Number of keys (anchors | words << 16) of the merge of `count` French units from `i`.
  frKeys(i: number, count: number): number {
    return keyCount(this.frPieces, i, count);
  }

  /// Number of keys (anchors | words << 16) of the merge of `count` English units from `j`.
  enKeys(j: number, count: number): number {
    return keyCount(this.enPieces, j, count);
  }
}

function keyCount(pieces: Pieces, i: number, count: number): number {
  let a = 0;
  let w = 0;
  for (let k = 0; k < count; k++) {
    a += pieces.anchors[k]![i + k]!.length;
    w += pieces.words[k]![i + k]!.length;
  }
  return Math.min(a, 0xffff) | (Math.min(w, 0x7fff) << 16);
}

/// The statistics of one bead that the model scores.
export interface BeadStats {
  frLength: number;
  enLength: number;
  sharedAnchors: number;
  anchorKeys: number;
  sharedWords: number;
  wordKeys: number;
}

/// −log probability of a bead of type `t` with these statistics (lower is better).
export function beadCost(model: Model, t: number, s: BeadStats): number {
  const [a, b] = BEAD_TYPES[t]!;
  let cost = model.typeCost[t]!;
  if (a === 0 || b === 0) return cost;
  cost += lengthCost(model, s.frLength, s.enLength);
  const evidence = keyEvidence(model.anchors, s.sharedAnchors, s.anchorKeys) + keyEvidence(model.words, s.sharedWords, s.wordKeys);
  return cost - model.lexicalWeight * evidence;
}

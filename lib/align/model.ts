/// The aligner's probability model of a bead: how likely its shape is (a prior per bead type),
/// how well its two sides' lengths agree (Gale & Church's normal model of the length ratio), and
/// how much lexical evidence they share (a likelihood ratio: keys shared as often as in true
/// translations, or only as often as in unrelated units). Every parameter is estimated from the
/// text being aligned (`estimateModel`), starting from `defaultModel`.
import { CHANNELS, KeyTable, overlapRows, type SideFeatures } from "./features";

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
  /// Per evidence channel (see CHANNELS).
  rates: KeyRates[];
  /// Weight of the lexical evidence against the length model (keys are not independent).
  lexicalWeight: number;
}

const DEFAULT_PRIOR = [0.86, 0.02, 0.02, 0.045, 0.045, 0.005, 0.004, 0.004, 0.001, 0.001];

export function defaultModel(ratio = 1): Model {
  return {
    ratio,
    variance: 6.8,
    typeCost: Float64Array.from(DEFAULT_PRIOR, (p) => -Math.log(p)),
    rates: [
      { match: 0.8, chance: 0.05 },
      { match: 0.35, chance: 0.06 },
      { match: 0.25, chance: 0.04 },
    ],
    lexicalWeight: 0.7,
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

// −log erfc(δ/√2) tabulated for δ in [0, 40) by steps of 1/64, linearly interpolated.
const STEPS = 64;
const TABLE = Float64Array.from({ length: 40 * STEPS + 2 }, (_, k) => -logErfc(k / STEPS / Math.SQRT2));

/// −log of the probability that lengths `fr` and `en` are translations of each other.
export function lengthCost(model: Model, fr: number, en: number): number {
  const mean = (fr * model.ratio + en) / 2;
  if (mean <= 0) return 0;
  const delta = Math.abs(en - fr * model.ratio) / Math.sqrt(model.variance * mean);
  const x = delta * STEPS;
  if (x >= 40 * STEPS) return -logErfc(delta / Math.SQRT2);
  const k = Math.floor(x);
  const f = x - k;
  return TABLE[k]! * (1 - f) + TABLE[k + 1]! * f;
}

/// Log-likelihood ratio of sharing `shared` keys out of `n` under true vs chance pairing.
export function keyEvidence(rates: KeyRates, shared: number, n: number): number {
  if (n <= 0) return 0;
  const k = Math.min(shared, n);
  return k * Math.log(rates.match / rates.chance) + (n - k) * Math.log((1 - rates.match) / (1 - rates.chance));
}

/// Packing of per-channel counts into one 31-bit number: numbers 8 bits, anchors and words 11.
const SHIFT = [0, 8, 19];
const MASK = [0xff, 0x7ff, 0x7ff];

/// Packs per-channel counts.
function pack(counts: readonly number[]): number {
  let v = 0;
  for (let c = 0; c < CHANNELS.length; c++) v |= Math.min(counts[c]!, MASK[c]!) << SHIFT[c]!;
  return v;
}

/// The count of channel `c` in a packed number.
export function unpack(v: number, c: number): number {
  return (v >>> SHIFT[c]!) & MASK[c]!;
}

/// Row i of `table` without the keys of rows i − 1 (and i − 2 when `back` is 2).
function withoutPrevious(table: KeyTable, back: number): KeyTable {
  const { data, start } = table;
  const has = (row: number, key: number) => {
    // Binary search in a sorted row.
    let lo = start[row]!;
    let hi = start[row + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = data[mid]!;
      if (v === key) return true;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  return KeyTable.build(start.length - 1, (i, add) => {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const key = data[k]!;
      if (i >= 1 && has(i - 1, key)) continue;
      if (back >= 2 && i >= 2 && has(i - 2, key)) continue;
      add(key);
    }
  });
}

/// A side's units cut into pieces, so that the keys of a merge of consecutive units are counted
/// once: piece 0 of a unit is all its keys, piece 1 those not in the unit before it, piece 2
/// those in neither of the two units before it. A merge of units i, i+1, i+2 is then the disjoint
/// union of piece 0 of i, piece 1 of i+1 and piece 2 of i+2.
class Pieces {
  /// [channel][level]
  readonly keys: KeyTable[][];
  /// [count − 1][unit]: packed key counts of the merge of `count` units from `unit`.
  private readonly counts: Int32Array[];
  constructor(side: SideFeatures) {
    this.keys = side.keys.map((table) => [table, withoutPrevious(table, 1), withoutPrevious(table, 2)]);
    this.counts = [1, 2, 3].map((count) => {
      const out = new Int32Array(side.count);
      const counts = CHANNELS.map(() => 0);
      for (let i = 0; i < side.count; i++) {
        for (let c = 0; c < CHANNELS.length; c++) {
          let n = 0;
          for (let k = 0; k < count && i + k < side.count; k++) n += this.keys[c]![k]!.size(i + k);
          counts[c] = n;
        }
        out[i] = pack(counts);
      }
      return out;
    });
  }

  /// Packed key counts of the merge of `count` (1 to 3) units from `i`.
  count(i: number, count: number): number {
    return this.counts[count - 1]![i]!;
  }
}

/// The two sides of a text being aligned.
export class Sides {
  /// Number of French and English units.
  readonly n: number;
  readonly m: number;
  /// Prefix sums of the units' lengths, so that a bead's totals are two reads.
  readonly frLength: Float64Array;
  readonly enLength: Float64Array;
  private readonly frPieces: Pieces;
  private readonly enPieces: Pieces;
  constructor(
    readonly fr: SideFeatures,
    readonly en: SideFeatures,
  ) {
    const prefix = (lengths: Float64Array) => {
      const a = new Float64Array(lengths.length + 1);
      for (let k = 0; k < lengths.length; k++) a[k + 1] = a[k]! + lengths[k]!;
      return a;
    };
    this.n = fr.count;
    this.m = en.count;
    this.frLength = prefix(fr.lengths);
    this.enLength = prefix(en.lengths);
    this.frPieces = new Pieces(fr);
    this.enPieces = new Pieces(en);
  }

  /// Shared keys of French unit `i`'s piece `pf` and English unit `j`'s piece `pe`, packed.
  pair(i: number, j: number, pf = 0, pe = 0): number {
    const f = this.frPieces.keys;
    const e = this.enPieces.keys;
    return (
      Math.min(overlapRows(f[0]![pf]!, i, e[0]![pe]!, j), MASK[0]!) |
      (Math.min(overlapRows(f[1]![pf]!, i, e[1]![pe]!, j), MASK[1]!) << SHIFT[1]!) |
      (Math.min(overlapRows(f[2]![pf]!, i, e[2]![pe]!, j), MASK[2]!) << SHIFT[2]!)
    );
  }

  /// Key counts of the merge of `count` French units from `i`, packed.
  frKeys(i: number, count: number): number {
    return this.frPieces.count(i, count);
  }

  /// Key counts of the merge of `count` English units from `j`, packed.
  enKeys(j: number, count: number): number {
    return this.enPieces.count(j, count);
  }
}

/// The statistics of one bead that the model scores.
export interface BeadStats {
  frLength: number;
  enLength: number;
  /// Per channel: keys shared by the two sides.
  shared: number[];
  /// Per channel: keys of the two sides, averaged.
  keys: number[];
}

/// The model's per-key log-likelihood ratios, computed once: [hit, miss] per channel.
export function evidenceWeights(model: Model): Float64Array {
  const w = new Float64Array(2 * CHANNELS.length);
  model.rates.forEach((r, c) => {
    w[2 * c] = model.lexicalWeight * Math.log(r.match / r.chance);
    w[2 * c + 1] = model.lexicalWeight * Math.log((1 - r.match) / (1 - r.chance));
  });
  return w;
}

/// −log probability of a bead of type `t` with these statistics (lower is better); `weights`
/// are `evidenceWeights(model)`.
export function beadCost(model: Model, t: number, s: BeadStats, weights = evidenceWeights(model)): number {
  const [a, b] = BEAD_TYPES[t]!;
  let cost = model.typeCost[t]!;
  if (a === 0 || b === 0) return cost;
  cost += lengthCost(model, s.frLength, s.enLength);
  for (let c = 0; c < CHANNELS.length; c++) {
    const n = s.keys[c]!;
    if (n <= 0) continue;
    const k = Math.min(s.shared[c]!, n);
    cost -= k * weights[2 * c]! + (n - k) * weights[2 * c + 1]!;
  }
  return cost;
}

/// Banded dynamic programming over bead types: the best path from (0, 0) to (n, m) through cells
/// (French units consumed, English units consumed) that lie in a band around an expected path.
/// Cost and memory are proportional to the band's area — the units plus twice its half-width per
/// French unit — never to n × m. When the best path runs along the band's edge, the caller widens
/// the band around that path and runs again (`alignBanded`).
///
/// With `posteriors`, a forward–backward pass over the same band gives each bead of the best path
/// its probability under the model: the bead's confidence.
import { CHANNELS } from "./features";
import { BEAD_TYPES, beadCost, evidenceWeights, lengthCost, unpack, type BeadStats, type Model, type Sides } from "./model";

/// A bead of unit indices: French units [fr, fr + a), English units [en, en + b).
export interface RawBead {
  fr: number;
  en: number;
  type: number;
  score: number;
}

/// The band: for each row i (French units consumed, 0..n), the English range [lo[i], hi[i]].
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/// A band of half-width `width` around the path that runs from `from[i]` to `to[i]` in row i.
export function bandAround(from: Int32Array, to: Int32Array, m: number, width: number): Band {
  const n = from.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, from[i]! - width);
    hi[i] = Math.min(m, to[i]! + width);
  }
  lo[0] = 0;
  hi[n] = m;
  // Monotone edges, and consecutive rows that overlap, so that every cell can be reached.
  for (let i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  for (let i = 1; i <= n; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  for (let i = 0; i < n; i++) if (hi[i]! < lo[i + 1]!) hi[i] = lo[i + 1]!;
  for (let i = 1; i <= n; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  return { lo, hi };
}

export interface BandResult {
  beads: RawBead[];
  /// Whether the path came close to an edge of the band that is not the table's edge.
  touched: boolean;
}

const TEMPERATURE = 2;
/// Half-width, around the best path, of the band in which the posteriors are computed.
const POSTERIOR_WIDTH = 4;

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/// The best path through `band`, using bead types 0 to `types` − 1 of BEAD_TYPES.
export function alignInBand(
  sides: Sides,
  model: Model,
  band: Band,
  options: { posteriors: boolean; margin: number; types?: number; onRow?: (i: number) => void },
): BandResult {
  const n = sides.n;
  const m = sides.m;
  const { lo, hi } = band;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  const cells = offset[n + 1]!;
  const cell = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : offset[i]! + j - lo[i]!);
  const types = options.types ?? BEAD_TYPES.length;
  const weights = evidenceWeights(model);

  // Pair overlaps of French unit i's piece pf and English unit j's piece pe (see Sides), cached
  // on cell (i, j) when it is in the band.
  const caches: Array<Int32Array | undefined> = new Array(9);
  const pair = (i: number, j: number, pf: number, pe: number): number => {
    const c = cell(i, j);
    if (c < 0) return sides.pair(i, j, pf, pe);
    const level = pf * 3 + pe;
    let cache = caches[level];
    if (!cache) caches[level] = cache = new Int32Array(cells).fill(-1);
    let v = cache[c]!;
    if (v < 0) cache[c] = v = sides.pair(i, j, pf, pe);
    return v;
  };
  const stats: BeadStats = { frLength: 0, enLength: 0, shared: CHANNELS.map(() => 0), keys: CHANNELS.map(() => 0) };
  const costOf = (i0: number, j0: number, t: number): number => {
    const [a, b] = BEAD_TYPES[t]!;
    const i1 = i0 + a;
    const j1 = j0 + b;
    if (a > 0 && b > 0) {
      stats.shared.fill(0);
      for (let i = i0; i < i1; i++)
        for (let j = j0; j < j1; j++) {
          const p = pair(i, j, i - i0, j - j0);
          for (let c = 0; c < CHANNELS.length; c++) stats.shared[c]! += unpack(p, c);
        }
      const fk = sides.frKeys(i0, a);
      const ek = sides.enKeys(j0, b);
      for (let c = 0; c < CHANNELS.length; c++) stats.keys[c] = (unpack(fk, c) + unpack(ek, c)) / 2;
      stats.frLength = sides.frLength[i1]! - sides.frLength[i0]!;
      stats.enLength = sides.enLength[j1]! - sides.enLength[j0]!;
    }
    return beadCost(model, t, stats, weights);
  };

  // Forward: the cost of each bead into each cell (kept for the posteriors) and the best path.
  const beadCosts = new Float32Array(options.posteriors ? cells * types : 0).fill(Infinity);
  const cost = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    options.onRow?.(i);
    const rowLo = lo[i]!;
    const base = offset[i]!;
    for (let j = rowLo; j <= hi[i]!; j++) {
      const here = base + j - rowLo;
      let best = here === 0 ? 0 : Infinity;
      let bestType = 255;
      for (let t = 0; t < types; t++) {
        const [a, b] = BEAD_TYPES[t]!;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const prev = cell(pi, pj);
        if (prev < 0) continue;
        const before = cost[prev]!;
        if (before === Infinity) continue;
        const bc = costOf(pi, pj, t);
        if (options.posteriors) beadCosts[here * types + t] = bc;
        const c = before + bc;
        if (c < best) {
          best = c;
          bestType = t;
        }
      }
      cost[here] = best;
      back[here] = bestType;
    }
  }

  // Trace back.
  const beads: RawBead[] = [];
  let touched = false;
  let i = n;
  let j = m;
  const near = (i: number, j: number) => (lo[i]! > 0 && j - lo[i]! < options.margin) || (hi[i]! < m && hi[i]! - j < options.margin);
  while (i > 0 || j > 0) {
    if (near(i, j)) touched = true;
    const t = back[cell(i, j)]!;
    if (t === 255) throw new Error("alignment band is disconnected");
    const [a, b] = BEAD_TYPES[t]!;
    i -= a;
    j -= b;
    beads.push({ fr: i, en: j, type: t, score: 1 });
  }
  beads.reverse();

  if (options.posteriors && beads.length > 0) {
    // Forward–backward over the same beads (costs cached above), at a temperature that makes
    // the scores calibrated rather than all 0 or 1.
    const T = TEMPERATURE;
    // Only near the best path: beyond a few units from it, the probability mass is negligible.
    const around = pathRows(beads, n, m);
    const from = (i: number) => Math.max(lo[i]!, around.from[i]! - POSTERIOR_WIDTH);
    const to = (i: number) => Math.min(hi[i]!, around.to[i]! + POSTERIOR_WIDTH);
    const alpha = new Float64Array(cells).fill(-Infinity);
    alpha[0] = 0;
    for (let i = 0; i <= n; i++)
      for (let j = from(i); j <= to(i); j++) {
        const here = offset[i]! + j - lo[i]!;
        if (here === 0) continue;
        let acc = -Infinity;
        for (let t = 0; t < types; t++) {
          const bc = beadCosts[here * types + t]!;
          if (bc === Infinity) continue;
          const [a, b] = BEAD_TYPES[t]!;
          const prev = cell(i - a, j - b);
          if (alpha[prev] === -Infinity) continue;
          acc = logAdd(acc, alpha[prev]! - bc / T);
        }
        alpha[here] = acc;
      }
    const beta = new Float64Array(cells).fill(-Infinity);
    beta[cells - 1] = 0;
    for (let i = n; i >= 0; i--)
      for (let j = to(i); j >= from(i); j--) {
        const here = offset[i]! + j - lo[i]!;
        const b0 = beta[here]!;
        if (b0 === -Infinity) continue;
        // Push this cell's backward score to the cells its beads start from.
        for (let t = 0; t < types; t++) {
          const bc = beadCosts[here * types + t]!;
          if (bc === Infinity) continue;
          const [a, b] = BEAD_TYPES[t]!;
          const prev = cell(i - a, j - b);
          beta[prev] = logAdd(beta[prev]!, b0 - bc / T);
        }
      }
    const z = alpha[cells - 1]!;
    for (const bead of beads) {
      const [a, b] = BEAD_TYPES[bead.type]!;
      const end = cell(bead.fr + a, bead.en + b);
      const p = Math.exp(alpha[cell(bead.fr, bead.en)]! - beadCosts[end * types + bead.type]! / T + beta[end]! - z);
      bead.score = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
    }
  }
  return { beads, touched };
}

/// The path's extent in each row: the first and last English position it visits in row i.
export function pathRows(beads: readonly RawBead[], n: number, m: number): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(n + 1).fill(-1);
  const to = new Int32Array(n + 1);
  const visit = (i: number, j: number) => {
    if (from[i]! < 0 || j < from[i]!) from[i] = j;
    if (j > to[i]!) to[i] = j;
  };
  visit(0, 0);
  for (const b of beads) {
    const [a, c] = BEAD_TYPES[b.type]!;
    visit(b.fr, b.en);
    // Rows crossed inside a merge: interpolate.
    for (let k = 1; k < a; k++) visit(b.fr + k, b.en + Math.round((k * c) / a));
    visit(b.fr + a, b.en + c);
  }
  visit(n, m);
  return { from, to };
}

/// The best path by lengths alone (bead types 1-1, 1-0, 0-1, 2-1, 1-2), in `band`: a rough path,
/// cheap enough to run in a wide band, around which the full model then runs in a narrow one.
export function roughPath(sides: Sides, model: Model, band: Band, margin: number): BandResult {
  const n = sides.n;
  const m = sides.m;
  const { lo, hi } = band;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  const cells = offset[n + 1]!;
  const cost = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells);
  const fl = sides.frLength;
  const el = sides.enLength;
  const tc = model.typeCost;
  const cell = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : offset[i]! + j - lo[i]!);
  cost[0] = 0;
  const lengths = (f: number, e: number) => lengthCost(model, f, e);
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const base = offset[i]!;
    // Rows i − 1 and i − 2, where beads into row i start.
    const lo1 = i >= 1 ? lo[i - 1]! : 0;
    const hi1 = i >= 1 ? hi[i - 1]! : -1;
    const base1 = i >= 1 ? offset[i - 1]! : 0;
    const lo2 = i >= 2 ? lo[i - 2]! : 0;
    const hi2 = i >= 2 ? hi[i - 2]! : -1;
    const base2 = i >= 2 ? offset[i - 2]! : 0;
    const f1 = i >= 1 ? fl[i]! - fl[i - 1]! : 0;
    const f2 = i >= 2 ? fl[i]! - fl[i - 2]! : 0;
    for (let j = rowLo; j <= rowHi; j++) {
      const here = base + j - rowLo;
      let best = here === 0 ? 0 : Infinity;
      let bestType = 255;
      let c: number;
      // 1-1
      if (j >= 1 && j - 1 >= lo1 && j - 1 <= hi1) {
        c = cost[base1 + j - 1 - lo1]! + tc[0]! + lengths(f1, el[j]! - el[j - 1]!);
        if (c < best) (best = c), (bestType = 0);
      }
      // 1-0
      if (j >= lo1 && j <= hi1) {
        c = cost[base1 + j - lo1]! + tc[1]!;
        if (c < best) (best = c), (bestType = 1);
      }
      // 0-1
      if (j >= 1 && j - 1 >= rowLo) {
        c = cost[here - 1]! + tc[2]!;
        if (c < best) (best = c), (bestType = 2);
      }
      // 2-1
      if (j >= 1 && j - 1 >= lo2 && j - 1 <= hi2) {
        c = cost[base2 + j - 1 - lo2]! + tc[3]! + lengths(f2, el[j]! - el[j - 1]!);
        if (c < best) (best = c), (bestType = 3);
      }
      // 1-2
      if (j >= 2 && j - 2 >= lo1 && j - 2 <= hi1) {
        c = cost[base1 + j - 2 - lo1]! + tc[4]! + lengths(f1, el[j]! - el[j - 2]!);
        if (c < best) (best = c), (bestType = 4);
      }
      cost[here] = best;
      back[here] = bestType;
    }
  }
  const beads: RawBead[] = [];
  let touched = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if ((lo[i]! > 0 && j - lo[i]! < margin) || (hi[i]! < m && hi[i]! - j < margin)) touched = true;
    const t = back[cell(i, j)]!;
    if (t === 255) throw new Error("alignment band is disconnected");
    const [a, b] = BEAD_TYPES[t]!;
    i -= a;
    j -= b;
    beads.push({ fr: i, en: j, type: t, score: 1 });
  }
  beads.reverse();
  return { beads, touched };
}

/// Runs of the band: the first, one moved to follow the path, one twice as wide.
const MAX_ATTEMPTS = 3;

/// The best path, in a band of half-width `width` around `from`/`to`. Where the path runs along
/// the band's edge, the band is moved to follow it (same width) and the alignment run again; if
/// it still does, once more in a band twice as wide. Cost stays linear in the path's length.
export function alignBanded(
  sides: Sides,
  model: Model,
  start: { from: Int32Array; to: Int32Array },
  width: number,
  options: { posteriors: boolean; types?: number; rough?: boolean; onRow?: (i: number) => void },
): RawBead[] {
  const n = sides.n;
  const m = sides.m;
  let rows = start;
  let w = width;
  for (let attempt = 1; ; attempt++) {
    const band = bandAround(rows.from, rows.to, m, w);
    const full = w >= Math.max(n, m);
    const margin = Math.max(2, Math.floor(w / 4));
    const result = options.rough ? roughPath(sides, model, band, margin) : alignInBand(sides, model, band, { ...options, margin });
    if (!result.touched || full || attempt === MAX_ATTEMPTS) return result.beads;
    rows = pathRows(result.beads, n, m);
    // The rough pass is cheap: it widens at once.
    if (attempt === 2 || options.rough) w *= 2;
  }
}

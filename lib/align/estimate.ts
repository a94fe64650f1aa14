/// Re-estimates the model's parameters from an alignment of the same text: the length ratio and
/// its variance, how often each bead type occurs, and how often keys are shared by aligned units
/// and by unrelated ones. Each estimate is smoothed towards the defaults, so that a short text
/// (a few sentences) cannot push the model to extremes.
import type { RawBead } from "./band";
import { CHANNELS } from "./features";
import { BEAD_TYPES, defaultModel, unpack, type Model, type Sides } from "./model";

/// Running sums for `estimateModel`, so that several texts (the sentences of every paragraph
/// bead) can be pooled.
export class ModelEvidence {
  lengthFr = 0;
  lengthEn = 0;
  deviations: number[] = [];
  typeCounts = new Float64Array(BEAD_TYPES.length);
  /// Per channel: [shared keys, keys] in aligned 1-1 beads and in unrelated pairs.
  match = CHANNELS.map(() => [0, 0]);
  chance = CHANNELS.map(() => [0, 0]);

  /// Adds the evidence of `beads`, an alignment of `sides`.
  add(sides: Sides, beads: readonly RawBead[]): void {
    const ones: RawBead[] = [];
    for (const b of beads) {
      this.typeCounts[b.type]! += 1;
      if (b.type === 0) ones.push(b);
    }
    for (const b of ones) {
      this.lengthFr += sides.fr.lengths[b.fr]!;
      this.lengthEn += sides.en.lengths[b.en]!;
    }
    const m = sides.m;
    for (let k = 0; k < ones.length; k++) {
      const b = ones[k]!;
      const f = sides.frKeys(b.fr, 1);
      const p = sides.pair(b.fr, b.en);
      const e = sides.enKeys(b.en, 1);
      for (let c = 0; c < CHANNELS.length; c++) {
        this.match[c]![0]! += unpack(p, c);
        this.match[c]![1]! += (unpack(f, c) + unpack(e, c)) / 2;
      }
      // An unrelated English unit: a few units away.
      if (m > 4) {
        const far = (b.en + 2 + (k % Math.max(1, m - 3))) % m;
        if (Math.abs(far - b.en) < 2) continue;
        const o = sides.enKeys(far, 1);
        const q = sides.pair(b.fr, far);
        for (let c = 0; c < CHANNELS.length; c++) {
          this.chance[c]![0]! += unpack(q, c);
          this.chance[c]![1]! += (unpack(f, c) + unpack(o, c)) / 2;
        }
      }
    }
  }

  /// Adds the length deviations of 1-1 beads, once the ratio is known.
  addDeviations(sides: Sides, beads: readonly RawBead[], ratio: number): void {
    for (const b of beads) {
      if (b.type !== 0) continue;
      const lf = sides.fr.lengths[b.fr]!;
      const le = sides.en.lengths[b.en]!;
      const mean = (lf * ratio + le) / 2;
      if (mean > 0) this.deviations.push((le - lf * ratio) ** 2 / mean);
    }
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/// The model these sums suggest, smoothed towards `base`.
export function estimateModel(evidence: ModelEvidence, base: Model = defaultModel()): Model {
  const model = { ...base, typeCost: Float64Array.from(base.typeCost) };
  const L0 = 2000;
  model.ratio = clamp((evidence.lengthEn + base.ratio * L0) / (evidence.lengthFr + L0), 0.5, 2);
  if (evidence.deviations.length >= 5) {
    const d = [...evidence.deviations].sort((a, b) => a - b);
    // The median of a χ²(1) variable is 0.455 × its variance; the median ignores wrong beads.
    const median = d[Math.floor(d.length / 2)]!;
    const n = d.length;
    const estimate = median / 0.455;
    model.variance = clamp((estimate * n + base.variance * 20) / (n + 20), 3, 60);
  }
  const total = evidence.typeCounts.reduce((s, x) => s + x, 0);
  const P0 = 200;
  for (let t = 0; t < BEAD_TYPES.length; t++) {
    const prior = Math.exp(-base.typeCost[t]!);
    model.typeCost[t] = -Math.log((evidence.typeCounts[t]! + prior * P0) / (total + P0));
  }
  const rates = (match: number[], chance: number[], prior: { match: number; chance: number }) => {
    const K = 40;
    let chanceRate = clamp((chance[0]! + prior.chance * K) / (chance[1]! + K), 0.002, 0.5);
    let matchRate = clamp((match[0]! + prior.match * K) / (match[1]! + K), 0.01, 0.95);
    if (matchRate < chanceRate * 1.5) matchRate = Math.min(0.95, chanceRate * 1.5);
    if (chanceRate >= matchRate) chanceRate = matchRate / 1.5;
    return { match: matchRate, chance: chanceRate };
  };
  model.rates = CHANNELS.map((_, c) => rates(evidence.match[c]!, evidence.chance[c]!, base.rates[c]!));
  return model;
}

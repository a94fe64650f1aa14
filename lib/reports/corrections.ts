/// Per-person correction reports and a document's quality over time, as Matecat gives them:
/// pure aggregation over suggestion records, so the page and the API only fetch and draw.
import { isMqmCategory, isSeverity, type MqmCategory, type Severity } from "../corrections/categories";
import type { SeverityWeights } from "../corrections/quality";

/// What the reports read of one suggestion.
export interface ReportSuggestion {
  id: number;
  authorName: string;
  category: string;
  severity: string;
  status: "open" | "accepted" | "rejected" | "stale";
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  reason: string | null;
  revertedAt: string | null;
  /// Set on a suggestion the app offered because the same fix was accepted elsewhere: it is
  /// not counted as made by anyone.
  sameFixAs: number | null;
}

type Outcomes = { made: number; accepted: number; rejected: number; open: number; stale: number };
const noOutcomes = (): Outcomes => ({ made: 0, accepted: 0, rejected: 0, open: 0, stale: 0 });

/// One corrector's figures.
export interface CorrectorReport {
  name: string;
  totals: Outcomes;
  /// Accepted share of the decided suggestions (accepted + rejected), or null before any decision.
  acceptanceRate: number | null;
  byCategory: Partial<Record<MqmCategory, Outcomes>>;
  bySeverity: Partial<Record<Severity, Outcomes>>;
  /// Rejected suggestions with who rejected them and why, newest first.
  rejections: Array<{ id: number; reason: string; by: string | null; at: string | null; category: string }>;
  /// Suggestions made, accepted and rejected per calendar day (UTC), oldest first.
  days: Array<{ day: string } & Pick<Outcomes, "made" | "accepted" | "rejected">>;
}

const day = (iso: string) => iso.slice(0, 10);

/// The report of every corrector who made a suggestion, by name.
export function correctorReports(suggestions: readonly ReportSuggestion[]): CorrectorReport[] {
  const byName = new Map<string, CorrectorReport>();
  const days = new Map<string, Map<string, { made: number; accepted: number; rejected: number }>>();
  for (const s of suggestions) {
    if (s.sameFixAs !== null) continue;
    let r = byName.get(s.authorName);
    if (!r) {
      r = { name: s.authorName, totals: noOutcomes(), acceptanceRate: null, byCategory: {}, bySeverity: {}, rejections: [], days: [] };
      byName.set(s.authorName, r);
      days.set(s.authorName, new Map());
    }
    const buckets: Outcomes[] = [r.totals];
    if (isMqmCategory(s.category)) buckets.push((r.byCategory[s.category] ??= noOutcomes()));
    if (isSeverity(s.severity)) buckets.push((r.bySeverity[s.severity] ??= noOutcomes()));
    for (const b of buckets) {
      b.made += 1;
      b[s.status] += 1;
    }
    const perDay = days.get(s.authorName)!;
    const bump = (at: string, field: "made" | "accepted" | "rejected") => {
      const d = perDay.get(day(at)) ?? { made: 0, accepted: 0, rejected: 0 };
      d[field] += 1;
      perDay.set(day(at), d);
    };
    bump(s.createdAt, "made");
    if ((s.status === "accepted" || s.status === "rejected") && s.decidedAt) bump(s.decidedAt, s.status);
    if (s.status === "rejected") r.rejections.push({ id: s.id, reason: s.reason ?? "", by: s.decidedByName, at: s.decidedAt, category: s.category });
  }
  for (const r of byName.values()) {
    const decided = r.totals.accepted + r.totals.rejected;
    r.acceptanceRate = decided === 0 ? null : r.totals.accepted / decided;
    r.rejections.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? "") || b.id - a.id);
    r.days = [...days.get(r.name)!.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([d, v]) => ({ day: d, ...v }));
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/// One point of a document's MQM score over time.
export interface ScorePoint {
  at: string;
  perThousandWords: number;
  errors: number;
}

/// The document's score after each accept and each revert, in time order, starting from a
/// clean score at `since` (the import). Accepted errors count from their decision until their
/// revert, as the live score does.
export function scoreOverTime(suggestions: readonly ReportSuggestion[], words: number, weights: SeverityWeights, since: string): ScorePoint[] {
  type Step = { at: string; delta: 1 | -1; severity: Severity };
  const steps: Step[] = [];
  for (const s of suggestions) {
    if (s.status !== "accepted" || !s.decidedAt || !isMqmCategory(s.category) || !isSeverity(s.severity)) continue;
    steps.push({ at: s.decidedAt, delta: 1, severity: s.severity });
    if (s.revertedAt) steps.push({ at: s.revertedAt, delta: -1, severity: s.severity });
  }
  steps.sort((a, b) => a.at.localeCompare(b.at) || b.delta - a.delta);
  let penalty = 0;
  let errors = 0;
  const points: ScorePoint[] = [{ at: since, perThousandWords: 0, errors: 0 }];
  for (const step of steps) {
    penalty += step.delta * weights[step.severity];
    errors += step.delta;
    const point = { at: step.at, perThousandWords: words === 0 ? 0 : (penalty * 1000) / words, errors };
    if (points.at(-1)!.at === step.at) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

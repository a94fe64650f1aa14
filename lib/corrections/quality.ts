/// MQM-style quality scoring: errors are counted by category and severity, each severity weighs a
/// number of penalty points, and the penalty is normalised per thousand words of text.

import { MQM_CATEGORIES, SEVERITIES, isMqmCategory, isSeverity, type MqmCategory, type Severity } from "./categories";

/// One error as scoring sees it (an accepted suggestion, a check flag…).
export interface QualityError {
  category: MqmCategory;
  severity: Severity;
}

/// Penalty points per error of each severity.
export type SeverityWeights = Record<Severity, number>;

/// The usual MQM weights: minor 1, major 5, critical 10.
export const DEFAULT_WEIGHTS: Readonly<SeverityWeights> = { minor: 1, major: 5, critical: 10 };

/// The score of a text, with raw (unrounded) numbers.
export interface QualityScore {
  /// Number of errors for every category and severity, zeros included.
  counts: Record<MqmCategory, Record<Severity, number>>;
  /// Number of errors.
  total: number;
  /// Sum of the weights of all errors.
  penalty: number;
  /// `penalty * 1000 / wordCount`; 0 when the text has no words.
  perThousandWords: number;
}

/// Scores errors found in a text of `wordCount` words. Throws a RangeError for an unknown
/// category or severity, or a negative word count.
export function qualityScore(
  errors: readonly QualityError[],
  wordCount: number,
  weights: Readonly<SeverityWeights> = DEFAULT_WEIGHTS,
): QualityScore {
  if (!(wordCount >= 0)) throw new RangeError(`word count must be 0 or more, not ${wordCount}`);
  const counts = Object.fromEntries(
    MQM_CATEGORIES.map((category) => [category, Object.fromEntries(SEVERITIES.map((s) => [s, 0]))]),
  ) as QualityScore["counts"];
  let penalty = 0;
  for (const { category, severity } of errors) {
    if (!isMqmCategory(category)) throw new RangeError(`unknown MQM category: ${category}`);
    if (!isSeverity(severity)) throw new RangeError(`unknown severity: ${severity}`);
    counts[category][severity] += 1;
    penalty += weights[severity];
  }
  return {
    counts,
    total: errors.length,
    penalty,
    perThousandWords: wordCount === 0 ? 0 : (penalty * 1000) / wordCount,
  };
}

/// A score for display: two decimals, in the given locale's notation (`"12.35"`, `"12,35"` in French).
export function formatScore(value: number, locale = "en"): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

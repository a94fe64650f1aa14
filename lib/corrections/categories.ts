/// The MQM error typology Vis-à-vis uses to classify a suggestion: what kind of error it fixes
/// (category) and how bad the error is (severity).

/// Every MQM category a suggestion or a check flag can carry, branch first ("accuracy/omission").
export const MQM_CATEGORIES = [
  "accuracy/mistranslation",
  "accuracy/omission",
  "accuracy/addition",
  "accuracy/untranslated",
  "fluency/grammar",
  "fluency/spelling",
  "fluency/punctuation",
  "fluency/typography",
  "terminology",
  "style",
] as const;

/// One MQM category, e.g. `"fluency/spelling"`.
export type MqmCategory = (typeof MQM_CATEGORIES)[number];

/// The top-level branch of the typology a category belongs to.
export type MqmBranch = "accuracy" | "fluency" | "terminology" | "style";

/// Every severity, from least to most serious.
export const SEVERITIES = ["minor", "major", "critical"] as const;

/// How serious an error is.
export type Severity = (typeof SEVERITIES)[number];

/// Whether a value (from a form, a file, a database row) is one of the MQM categories.
export function isMqmCategory(value: unknown): value is MqmCategory {
  return typeof value === "string" && (MQM_CATEGORIES as readonly string[]).includes(value);
}

/// Whether a value is one of the severities.
export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/// The branch of a category: `"accuracy/omission"` → `"accuracy"`, `"style"` → `"style"`.
export function categoryBranch(category: MqmCategory): MqmBranch {
  return category.split("/")[0] as MqmBranch;
}

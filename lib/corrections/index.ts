/// Corrections: suggestions as changes to a paragraph's text, how open suggestions follow an
/// accepted one, drafts split into fixes, fix propagation and MQM quality scores.

export {
  MQM_CATEGORIES,
  SEVERITIES,
  categoryBranch,
  isMqmCategory,
  isSeverity,
  type MqmBranch,
  type MqmCategory,
  type Severity,
} from "./categories";
export { applyChange, checkSpan, invertChange, type Change, type Span } from "./change";
export { mapSpan, mapSpanThrough } from "./mapping";
export { draftToFixes, type Fix } from "./draft";
export {
  DEFAULT_WEIGHTS,
  formatScore,
  qualityScore,
  type QualityError,
  type QualityScore,
  type SeverityWeights,
} from "./quality";
export {
  findRecurrences,
  indistinctReason,
  MAX_RECURRENCES,
  recurrencePattern,
  type IndistinctReason,
  type ParagraphId,
  type Recurrence,
  type RecurrencePattern,
} from "./recurrence";

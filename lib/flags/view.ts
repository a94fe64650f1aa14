/// Flags as the interface and the API see them: a check's flag at a paragraph's revision, with
/// the dismissal that silences it if any, the document's rules with their on/off state, and the
/// background Grammalecte pass. Pure data and pure functions (server and browser share them).
import type { Flag, RuleInfo } from "../checks";
import type { Span } from "../corrections/change";
import { mapSpan } from "../corrections/mapping";

/// A reviewer's decision that a flag is not an error: who, when, why, and the words it holds for.
export interface DismissalView {
  id: number;
  paragraphId: number;
  rule: string;
  /// The revision `start`/`end` refer to (the paragraph's current one while the dismissal holds).
  baseRevision: number;
  start: number;
  end: number;
  /// The flagged words when they were dismissed.
  words: string;
  reason: string;
  author: string;
  at: string;
}

/// One flag of a paragraph at its current revision.
export interface FlagView extends Flag {
  /// Stable while the paragraph's text is: `<paragraphId>:<revision>:<rule>:<start>:<end>`.
  key: string;
  paragraphId: number;
  revision: number;
  /// Which pass found it: `fast` and `learned` (at once) or `grammalecte` (background job).
  engine: "fast" | "learned" | "grammalecte";
  dismissal: DismissalView | null;
}

/// The flags of one French paragraph.
export interface ParagraphFlags {
  paragraphId: number;
  position: number;
  revision: number;
  flags: FlagView[];
}

/// A rule of the registry and whether it runs on this document.
export interface RuleState extends RuleInfo {
  enabled: boolean;
  /// Set when a reviewer changed it for this document.
  changedBy: string | null;
  changedAt: string | null;
}

/// Where the background Grammalecte pass of a document stands.
export interface CheckJobView {
  engine: "grammalecte";
  /// `unavailable`: Grammalecte is not installed on the server (its rules are off).
  status: "idle" | "running" | "done" | "failed" | "unavailable";
  done: number;
  total: number;
}

/// Everything the interface needs about a document's checks.
export interface DocumentChecks {
  paragraphs: ParagraphFlags[];
  rules: RuleState[];
  job: CheckJobView;
}

/// The key of a flag (see FlagView.key).
export function flagKey(paragraphId: number, revision: number, f: Pick<Flag, "rule" | "start" | "end">): string {
  return `${paragraphId}:${revision}:${f.rule}:${f.start}:${f.end}`;
}

/// Whether a dismissal silences a flag: same rule, same words, at the paragraph's current revision.
export function dismisses(d: DismissalView, f: Pick<Flag, "rule" | "start" | "end">, revision: number): boolean {
  return d.baseRevision === revision && d.rule === f.rule && d.start === f.start && d.end === f.end;
}

/// Where a dismissal's words stand after an accepted change (like a suggestion's: shifted when
/// the change is elsewhere), or null when the change touched them (the dismissal lapses).
export function mapDismissal(d: Span, change: { start: number; end: number; inserted: string }): Span | null {
  return mapSpan(d, change);
}

/// The flags that count: those of rules switched on, not dismissed.
export function openFlags(paragraphs: readonly ParagraphFlags[], enabled: ReadonlySet<string>): FlagView[] {
  return paragraphs.flatMap((p) => p.flags.filter((f) => enabled.has(f.rule) && !f.dismissal));
}

/// The rules switched on for a document.
export function enabledRules(rules: readonly RuleState[]): Set<string> {
  return new Set(rules.filter((r) => r.enabled).map((r) => r.id));
}

/// Open flags counted by a key (rule id or category).
export function countBy(flags: readonly FlagView[], key: "rule" | "category"): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of flags) out.set(f[key], (out.get(f[key]) ?? 0) + 1);
  return out;
}

/// A filter of the document's flag list: by rule, by category, or both; dismissed ones on demand.
export interface FlagFilter {
  rule?: string;
  category?: string;
  dismissed?: boolean;
}

/// The flags a filter keeps, in reading order.
export function filterFlags(paragraphs: readonly ParagraphFlags[], enabled: ReadonlySet<string>, filter: FlagFilter): FlagView[] {
  return paragraphs
    .slice()
    .sort((a, b) => a.position - b.position)
    .flatMap((p) => p.flags.slice().sort((a, b) => a.start - b.start || a.end - b.end))
    .filter(
      (f) =>
        enabled.has(f.rule) &&
        (filter.dismissed ? f.dismissal !== null : f.dismissal === null) &&
        (!filter.rule || f.rule === filter.rule) &&
        (!filter.category || f.category === filter.category),
    );
}

/// Whether a flag's replacement is French text for its span, to offer as a suggestion. A glossary
/// flag about a term of the English rendering (its evidence is English only) is anchored in the
/// French sentence but its replacement is English: it is shown, never offered as a fix.
export function offersFix(f: Pick<Flag, "rule" | "replacement" | "evidence">): boolean {
  if (f.replacement === undefined) return false;
  return !(f.rule.startsWith("glossary/") && f.evidence?.en !== undefined && f.evidence.fr === undefined);
}

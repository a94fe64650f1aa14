/// The document's checks as the workspace holds them, and how each live event changes them.
/// Pure: the same events in the same order always give the same state.
import type { CheckJobView, DocumentChecks, FlagView, ParagraphFlags, RuleState } from "@/lib/flags/view";

/// A checks event as the events route sends it.
export type ChecksEvent =
  | { type: "flags.updated"; data: { paragraphs: ParagraphFlags[]; reload?: boolean } }
  | { type: "checks.rules"; data: { rules: RuleState[] } }
  | { type: "checks.job"; data: { job: CheckJobView } };

export const CHECKS_EVENT_TYPES = ["flags.updated", "checks.rules", "checks.job"] as const;

export function isChecksEvent(event: { type: string }): event is ChecksEvent {
  return (CHECKS_EVENT_TYPES as readonly string[]).includes(event.type);
}

/// Replaces the flags of the paragraphs given, unless what is held is newer (a replayed event).
export function withParagraphFlags(state: DocumentChecks, paragraphs: readonly ParagraphFlags[]): DocumentChecks {
  if (paragraphs.length === 0) return state;
  const byId = new Map(state.paragraphs.map((p) => [p.paragraphId, p]));
  for (const p of paragraphs) {
    const held = byId.get(p.paragraphId);
    if (!held || held.revision <= p.revision) byId.set(p.paragraphId, p);
  }
  return { ...state, paragraphs: [...byId.values()].sort((a, b) => a.position - b.position) };
}

export function applyChecksEvent(state: DocumentChecks, event: ChecksEvent): DocumentChecks {
  switch (event.type) {
    case "flags.updated":
      return withParagraphFlags(state, event.data.paragraphs);
    case "checks.rules":
      return { ...state, rules: event.data.rules };
    case "checks.job":
      return { ...state, job: event.data.job };
  }
}

/// The flags of a paragraph at the revision shown (flags of an older text would point at the
/// wrong words until the new ones arrive).
export function flagsOf(state: DocumentChecks, paragraphId: number, revision: number, enabled: ReadonlySet<string>): FlagView[] {
  const p = state.paragraphs.find((x) => x.paragraphId === paragraphId);
  if (!p || p.revision !== revision) return [];
  return p.flags.filter((f) => enabled.has(f.rule));
}

/// The correction workspace's state as plain data, and how each live event changes it. Pure:
/// the same events in the same order always give the same state.
import type { AlignedBead } from "@/lib/corpus/alignment";
import type { Change } from "@/lib/corrections/change";
import { mapSpan } from "@/lib/corrections/mapping";
import type { ProposalEvent } from "@/lib/corrections/proposal";
import type { SuggestionView } from "@/lib/corrections/views";
import { suggestionsOfProposal } from "./proposals";

export interface WorkspaceRow {
  position: number;
  paragraphId: number;
  fr: string;
  en: string;
  revision: number;
}

export interface Presence {
  user: string;
  paragraph: number | null;
  /// When it was last heard of (ms since epoch, the receiver's clock).
  seen: number;
}

export interface WorkspaceState {
  /// The French paragraphs, by position.
  rows: WorkspaceRow[];
  /// How French and English paragraphs pair up.
  beads: AlignedBead[];
  suggestions: Record<number, SuggestionView>;
  presence: Record<string, Presence>;
}

type ParagraphUpdate = { id: number; position: number; text: string; revision: number };

/// A document event as the events route sends it.
export type WorkspaceEvent =
  | { type: "suggestions.created"; data: { suggestions: SuggestionView[] } }
  | { type: "proposal.created"; data: ProposalEvent }
  | { type: "suggestion.accepted"; data: { suggestion: SuggestionView; paragraph: ParagraphUpdate; change: Change; stale: number[] } }
  | { type: "suggestion.rejected"; data: { suggestion: SuggestionView } }
  | { type: "comment.created"; data: { suggestion: SuggestionView } }
  | { type: "suggestion.supported"; data: { suggestion: SuggestionView } }
  | {
      type: "revision.reverted";
      data: { paragraph: ParagraphUpdate; change: Change; stale: number[]; suggestion: SuggestionView | null; reopened?: SuggestionView[] };
    }
  | { type: "glossary.changed"; data: { entries: string[] } }
  | { type: "presence"; data: { user: string; paragraph: number | null }; receivedAt: number }
  | { type: "alignment.changed"; data: { beads: AlignedBead[] } };

/// Presences older than this are forgotten (the viewer left without saying so).
export const PRESENCE_TTL_MS = 45_000;

export function initialState(rows: WorkspaceRow[], suggestions: SuggestionView[], beads: AlignedBead[] = rows.map((r) => ({ fr: [r.position], en: [r.position] }))): WorkspaceState {
  return { rows, beads, suggestions: Object.fromEntries(suggestions.map((s) => [s.id, s])), presence: {} };
}

function withSuggestions(state: WorkspaceState, list: (SuggestionView | null)[]): WorkspaceState {
  const suggestions = { ...state.suggestions };
  for (const s of list) if (s) suggestions[s.id] = s;
  return { ...state, suggestions };
}

function withParagraph(state: WorkspaceState, p: ParagraphUpdate): WorkspaceState {
  return { ...state, rows: state.rows.map((r) => (r.paragraphId === p.id && p.revision >= r.revision ? { ...r, fr: p.text, revision: p.revision } : r)) };
}

/// Moves the paragraph's open suggestions through an accepted change, exactly as the server did
/// (the same mapSpan), and marks the ones it named stale.
function withChange(state: WorkspaceState, p: ParagraphUpdate, change: Change, stale: number[], cause: number | null): WorkspaceState {
  const row = state.rows.find((r) => r.paragraphId === p.id);
  if (row && row.revision >= p.revision) return state; // already applied (a replayed event)
  const suggestions = { ...state.suggestions };
  for (const s of Object.values(suggestions)) {
    if (s.paragraphId !== p.id || s.status !== "open") continue;
    const mapped = stale.includes(s.id) ? null : mapSpan(s, change);
    suggestions[s.id] = mapped ? { ...s, ...mapped, baseRevision: p.revision } : { ...s, status: "stale", staleBecause: cause };
  }
  return withParagraph({ ...state, suggestions }, p);
}

/// Applies one event.
export function applyEvent(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  switch (event.type) {
    case "suggestions.created":
      return withSuggestions(state, event.data.suggestions);
    case "proposal.created":
      // A place already known (decided since, say) keeps what is known of it.
      return withSuggestions(state, suggestionsOfProposal(event.data).filter((s) => !state.suggestions[s.id]));
    case "suggestion.accepted":
      return withSuggestions(withChange(state, event.data.paragraph, event.data.change, event.data.stale, event.data.suggestion.id), [event.data.suggestion]);
    case "suggestion.rejected":
    case "comment.created":
    case "suggestion.supported":
      return withSuggestions(state, [event.data.suggestion]);
    case "revision.reverted":
      // What the reverted change had overtaken comes back open, as the server reopened it.
      return withSuggestions(withChange(state, event.data.paragraph, event.data.change, event.data.stale, null), [
        event.data.suggestion,
        ...(event.data.reopened ?? []),
      ]);
    case "glossary.changed":
      return state; // the terms are fetched again by the workspace
    case "presence": {
      const presence = { ...state.presence, [event.data.user]: { user: event.data.user, paragraph: event.data.paragraph, seen: event.receivedAt } };
      if (event.data.paragraph === null) delete presence[event.data.user];
      return { ...state, presence };
    }
    case "alignment.changed":
      return { ...state, beads: event.data.beads };
  }
}

/// The open suggestions of a paragraph, by position in the text.
export function openSuggestionsOf(state: WorkspaceState, paragraphId: number): SuggestionView[] {
  return Object.values(state.suggestions)
    .filter((s) => s.paragraphId === paragraphId && s.status === "open")
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}

/// Who else is looking at a paragraph now.
export function viewersOf(state: WorkspaceState, position: number, me: string | null, now: number): string[] {
  return Object.values(state.presence)
    .filter((p) => p.paragraph === position && p.user !== me && now - p.seen < PRESENCE_TTL_MS)
    .map((p) => p.user)
    .sort();
}

/// The text of a paragraph cut into plain runs and suggestion runs for display: suggestions that
/// do not overlap are drawn in the text (deleted words struck through, inserted ones underlined);
/// one that competes with an earlier one for the same words is left to the list.
export function markedRuns(text: string, open: SuggestionView[]): ({ kind: "text"; text: string } | { kind: "suggestion"; suggestion: SuggestionView })[] {
  const runs: ({ kind: "text"; text: string } | { kind: "suggestion"; suggestion: SuggestionView })[] = [];
  let at = 0;
  for (const s of open) {
    if (s.start < at || (s.start === at && s.end === s.start && runs.at(-1)?.kind === "suggestion")) continue;
    if (s.start > at) runs.push({ kind: "text", text: text.slice(at, s.start) });
    runs.push({ kind: "suggestion", suggestion: s });
    at = s.end;
  }
  if (at < text.length) runs.push({ kind: "text", text: text.slice(at) });
  return runs;
}

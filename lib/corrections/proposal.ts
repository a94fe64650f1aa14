/// A grouped proposal: once a fix is accepted, the app offers the same fix wherever the same
/// wrong text stands ("the same fix in N places"), as one proposal a reviewer takes in bulk or
/// place by place. Each place is an open suggestion of its own; the proposal is what they share.
/// The app proposes them, crediting the person whose fix it was.

/// The name propagated suggestions are stored under: the app proposed them, nobody wrote them.
export const PROPOSER = "Vis-à-vis";

/// One place of a proposal: an open suggestion, with only what differs from place to place.
export interface ProposalPlace {
  /// The suggestion's id.
  id: number;
  paragraphId: number;
  /// The paragraph's index in its document, from 0 (the title).
  paragraph: number;
  /// The paragraph revision the offsets refer to.
  revision: number;
  start: number;
  end: number;
  deleted: string;
  inserted: string;
}

/// What a live stream carries when a proposal is made: the shared fields once, and the places
/// in that document (at most MAX_RECURRENCES), never N full suggestions.
export interface ProposalEvent {
  /// The accepted suggestion the fix comes from (the places' `sameFixAs`).
  fix: number;
  /// Whose fix it was.
  credit: string;
  category: string;
  severity: string;
  note: string;
  createdAt: string;
  /// Places in every document.
  total: number;
  places: ProposalPlace[];
}

/// What an accept says about propagation: how many places were offered, or why none were.
export interface ProposalOutcome {
  fix: number;
  /// Places offered (in every document).
  count: number;
  /// Set when nothing was offered although the text may recur: `functionWords` and `tooShort`
  /// (the wrong text is not distinctive, see indistinctReason) or `tooMany` (more places than
  /// MAX_RECURRENCES; `found` says how many at least).
  skipped?: "functionWords" | "tooShort" | "tooMany";
  found?: number;
}

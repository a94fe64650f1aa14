/// Suggestions, comments, revisions, paragraph histories and quality scores as the interface and
/// the exports see them: plain data shared by the server (which builds them) and the client (which
/// shows them).

import type { QualityScore, SeverityWeights } from "./quality";

/// Where a suggestion stands: open until a reviewer decides, stale when the text under it changed.
export type SuggestionStatus = "open" | "accepted" | "rejected" | "stale";

export interface CommentView {
  id: number;
  suggestionId: number;
  author: string;
  text: string;
  mentions: string[];
  createdAt: string;
}

export interface SuggestionView {
  id: number;
  paragraphId: number;
  /// The paragraph's index in its document, from 0 (the title).
  paragraph: number;
  baseRevision: number;
  start: number;
  end: number;
  createdRevision: number;
  createdStart: number;
  createdEnd: number;
  deleted: string;
  inserted: string;
  category: string;
  severity: string;
  note: string;
  status: SuggestionStatus;
  author: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  sameFixAs: number | null;
  /// For a suggestion the app proposed from an accepted fix (`sameFixAs`): whose fix that was.
  sameFixBy?: string | null;
  staleBecause: number | null;
  revertedAt: string | null;
  revertedBy: string | null;
  comments: CommentView[];
  /// Who supports it (proposed the same fix and +1'd it instead), in the order they did.
  supporters: string[];
}

export interface RevisionView {
  id: number;
  paragraphId: number;
  revision: number;
  kind: "accept" | "revert" | "import";
  start: number;
  end: number;
  deleted: string;
  inserted: string;
  textBefore: string;
  textAfter: string;
  suggestionId: number | null;
  actor: string;
  at: string;
  revertedByRevision: number | null;
}

/// A paragraph's history: every revision (newest first) with the suggestion it came from.
export interface ParagraphHistory {
  paragraphId: number;
  position: number;
  original: string;
  text: string;
  revision: number;
  revisions: (RevisionView & { suggestion: SuggestionView | null })[];
}

/// A document's quality score, with the word count and the weights it was computed with.
export interface DocumentQuality extends QualityScore {
  words: number;
  weights: SeverityWeights;
}

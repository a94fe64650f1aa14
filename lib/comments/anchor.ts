/// Where a comment thread stands in its paragraph, and how that place follows the paragraph's
/// changes. A thread is anchored on a span of one paragraph, French or English alike: the
/// paragraph, the revision its offsets refer to, `[start, end)` and the words quoted when it was
/// made. While it is anchored, `text.slice(start, end) === quote` holds for that revision. The
/// rules are those of suggestions (lib/corrections/mapping.ts): a change clear of the words
/// leaves them (shifted if it comes before them); a change that touches them, or an insertion
/// inside them, replaces what the thread was about and makes it stale. A stale thread keeps the
/// span it had just before, so that reverting the change that overtook it can anchor it again.
/// Pure, and blind to the language of the text.
import type { Change, Span } from "../corrections/change";
import { mapSpan } from "../corrections/mapping";

/// The longest quote a thread keeps (UTF-16 code units).
export const MAX_QUOTE_LENGTH = 2000;

/// A thread's place in its paragraph.
export interface ThreadAnchor extends Span {
  /// The paragraph revision `start` and `end` refer to.
  revision: number;
  /// The words the thread is about, as they stood when it was made.
  quote: string;
}

/// Why a requested anchor cannot be taken, or null when it can.
export type AnchorProblem = "emptySpan" | "outOfRange" | "quoteMismatch" | "tooLong" | null;

/// Checks an anchor against the paragraph text of its revision: a non-empty span inside the
/// text whose words are exactly `quote`, not longer than MAX_QUOTE_LENGTH, not starting or
/// ending inside a surrogate pair.
export function anchorProblem(text: string, anchor: Span & { quote: string }): AnchorProblem {
  const { start, end, quote } = anchor;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > text.length) return "outOfRange";
  if (end <= start) return "emptySpan";
  if (end - start > MAX_QUOTE_LENGTH) return "tooLong";
  if (splitsPair(text, start) || splitsPair(text, end)) return "outOfRange";
  return text.slice(start, end) === quote ? null : "quoteMismatch";
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/// What a change does to an anchored thread.
export type AnchorMove = { kind: "kept" } | { kind: "moved"; start: number; end: number } | { kind: "stale" };

/// The thread's fate when `change` is applied to the text its span refers to.
export function moveAnchor(span: Span, change: Change): AnchorMove {
  const mapped = mapSpan(span, change);
  if (!mapped) return { kind: "stale" };
  if (mapped.start === span.start && mapped.end === span.end) return { kind: "kept" };
  return { kind: "moved", start: mapped.start, end: mapped.end };
}

/// Maps a span made against an older revision through the changes since, oldest first; null
/// when one of them touched its words.
export function anchorThrough(span: Span, changes: readonly Change[]): Span | null {
  let at: Span | null = { start: span.start, end: span.end };
  for (const change of changes) {
    if (!at) return null;
    const move = moveAnchor(at, change);
    at = move.kind === "stale" ? null : move.kind === "moved" ? { start: move.start, end: move.end } : at;
  }
  return at;
}

/// Where a thread made stale by an accepted change stands again once that change is reverted:
/// `span` is the thread's span in the text just before the change, `changeStart` where the
/// change began then, `revertStart` where the revert put the old words back, and `text` the
/// paragraph after the revert. Null unless the quoted words stand there again, unchanged.
export function anchorAfterRevert(span: Span & { quote: string }, changeStart: number, revertStart: number, text: string): Span | null {
  const start = revertStart + (span.start - changeStart);
  const end = revertStart + (span.end - changeStart);
  if (start < 0 || end > text.length || text.slice(start, end) !== span.quote) return null;
  return { start, end };
}

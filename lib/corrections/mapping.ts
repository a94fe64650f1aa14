/// Keeping open suggestions anchored when another suggestion of the same paragraph is accepted,
/// like ProseMirror's StepMap: a suggestion clear of the accepted change keeps pointing at the same
/// text (shifted if it lies after the change); one that touches the changed text is stale.

import type { Change, Span } from "./change";

/// Where `span` lies once `change` has been applied, or `null` when the suggestion is now stale.
///
/// - entirely before the change (`span.end <= change.start`): unchanged;
/// - entirely after it (`span.start >= change.end`): shifted by what the change added or removed;
/// - any overlap, including a position strictly inside the changed range: stale;
/// - two pure insertions at the same position compete: stale (their order would be a guess).
///
/// A pure insertion at the very start or end of a replaced range is not inside it and survives.
export function mapSpan(span: Span, change: Change): Span | null {
  if (span.start > span.end || change.start > change.end) {
    throw new RangeError("a span's start must not be after its end");
  }
  const pointSpan = span.start === span.end;
  const pointChange = change.start === change.end;
  if (pointSpan && pointChange && span.start === change.start) return null;
  if (span.end <= change.start) return { start: span.start, end: span.end };
  if (span.start >= change.end) {
    const shift = change.inserted.length - (change.end - change.start);
    return { start: span.start + shift, end: span.end + shift };
  }
  return null;
}

/// Maps a span through several changes applied one after the other; `null` as soon as one of
/// them makes it stale.
export function mapSpanThrough(span: Span, changes: readonly Change[]): Span | null {
  let mapped: Span | null = span;
  for (const change of changes) {
    mapped = mapSpan(mapped, change);
    if (mapped === null) return null;
  }
  return mapped;
}

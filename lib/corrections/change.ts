/// A change to a paragraph's text: one span replaced by new text. Accepting a suggestion applies
/// exactly one change. Offsets are UTF-16 code-unit indices into the NFC text, `end` exclusive.

/// A range of a paragraph's text, `[start, end)`; `start === end` is a position between characters.
export interface Span {
  start: number;
  end: number;
}

/// Replace `text[start, end)` by `inserted`. A pure insertion has `start === end`, a pure deletion
/// has `inserted === ""`.
export interface Change extends Span {
  inserted: string;
}

/// Throws a RangeError unless `span` is a well-formed range inside a text of `length` code units.
export function checkSpan(span: Span, length: number): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`span [${start}, ${end}) is not inside a text of length ${length}`);
  }
}

/// The text after the change; throws a RangeError when the span is out of range or inverted.
export function applyChange(text: string, change: Change): string {
  checkSpan(change, text.length);
  return text.slice(0, change.start) + change.inserted + text.slice(change.end);
}

/// The change that undoes `change` once it has been applied to `textBefore`:
/// `applyChange(applyChange(t, c), invertChange(t, c)) === t`.
export function invertChange(textBefore: string, change: Change): Change {
  checkSpan(change, textBefore.length);
  return {
    start: change.start,
    end: change.start + change.inserted.length,
    inserted: textBefore.slice(change.start, change.end),
  };
}

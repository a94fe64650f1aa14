"use client";
/// The words selected in the reader, as offsets into one paragraph's stored text (French or
/// English alike), for a new comment thread.
import { textNodes } from "../reader/sentenceHighlight";

export interface TextSelection {
  lang: "fr" | "en";
  position: number;
  start: number;
  end: number;
  /// Where to show the comment button: just under the selection, in page coordinates.
  at: { left: number; top: number };
}

/// The offset in the paragraph's stored text of a point of its DOM (a text node or an element
/// boundary); a point inside words that are not stored text (a suggestion's insertion) counts
/// as the place where those words stand.
function pointOffset(root: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  let at = 0;
  for (const t of textNodes(root)) {
    if (t === node) return at + Math.min(offset, t.length);
    if (before.comparePoint(t, t.length) !== 0) return at;
    at += t.length;
  }
  return at;
}

/// The current selection when it lies within one paragraph of the reader and holds words
/// (spaces at its edges left out), else null.
export function readerSelection(): TextSelection | null {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const elementOf = (n: Node) => (n instanceof Element ? n : n.parentElement);
  const paraOf = (n: Node) => elementOf(n)?.closest<HTMLElement>(".reader .para");
  const para = paraOf(range.startContainer);
  // Words selected in the suggestion editor are the corrector's draft, not the text.
  const editing = (n: Node) => !!elementOf(n)?.closest("textarea, input, [contenteditable='true'], [data-testid=suggestion-editor]");
  if (!para || para !== paraOf(range.endContainer) || editing(range.startContainer) || editing(range.endContainer)) return null;
  const lang = para.dataset.lang;
  const position = Number(para.dataset.position);
  if ((lang !== "fr" && lang !== "en") || !Number.isInteger(position)) return null;
  const text = textNodes(para)
    .map((t) => t.data)
    .join("");
  let start = pointOffset(para, range.startContainer, range.startOffset);
  let end = pointOffset(para, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  const box = range.getBoundingClientRect();
  // The comment box is 26rem wide, or the window less a margin: keep it all on screen.
  const width = document.documentElement.clientWidth;
  const boxWidth = Math.min(26 * 16, width - 16);
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + width - boxWidth - 8));
  return { lang, position, start, end, at: { left, top: box.bottom + window.scrollY + 6 } };
}

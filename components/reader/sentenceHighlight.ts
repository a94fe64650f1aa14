"use client";
/// Sentence cross-highlighting in the reader: the sentence under the pointer (or the focused
/// element, or a tap) and its counterparts on the other side are highlighted with the CSS Custom
/// Highlight API, so the text's own markup (suggestions, terms) is left as it is. Offsets count
/// the paragraph's text as stored: words a suggestion would insert (`ins`), screen-reader labels
/// and tools inside a paragraph are not part of it.
import type { LinkedSentence } from "@/lib/corpus/sentence-links";

/// What is not part of a paragraph's stored text inside its element.
const NOT_TEXT = "ins, .visually-hidden, [data-not-text]";

/// The text nodes of a paragraph element that belong to its stored text, in order.
export function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(NOT_TEXT) && root.contains(n.parentElement.closest(NOT_TEXT)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/// The offset in the paragraph's text of a point in its DOM, or null outside its text.
export function offsetIn(root: Element, node: Node, offset: number): number | null {
  let at = 0;
  for (const t of textNodes(root)) {
    if (t === node) return at + Math.min(offset, t.length);
    at += t.length;
  }
  return null;
}

/// A DOM range over [start, end) of the paragraph's text.
export function rangeIn(root: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (const t of textNodes(root)) {
    if (!started && start <= at + t.length) {
      range.setStart(t, start - at);
      started = true;
    }
    if (started && end <= at + t.length) {
      range.setEnd(t, end - at);
      return range;
    }
    at += t.length;
  }
  return null;
}

/// The text position under a point of the window.
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

type Highlights = { set(name: string, h: unknown): void; delete(name: string): void };
const highlights = (): Highlights | null => (typeof CSS !== "undefined" && "highlights" in CSS ? (CSS as unknown as { highlights: Highlights }).highlights : null);
declare const Highlight: { new (...ranges: Range[]): unknown };

/// Highlights a sentence (`vv-sentence`) and its counterparts (`vv-counterpart`), or clears both.
export function showSentences(own: Range[], counterparts: Range[]): void {
  const h = highlights();
  if (!h) return;
  if (own.length === 0 && counterparts.length === 0) {
    h.delete("vv-sentence");
    h.delete("vv-counterpart");
    return;
  }
  h.set("vv-sentence", new Highlight(...own));
  h.set("vv-counterpart", new Highlight(...counterparts));
}

/// The sentence of `side` holding an offset of one of the bead's paragraphs.
export function sentenceAt(side: LinkedSentence[], paragraph: number, offset: number): LinkedSentence | null {
  return side.find((s) => s.paragraph === paragraph && offset >= s.start && offset <= s.end) ?? null;
}

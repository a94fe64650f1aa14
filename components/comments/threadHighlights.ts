"use client";
/// Threads drawn on their words with the CSS Custom Highlight API (`vv-thread`, and
/// `vv-thread-current` for the thread in hand), so the paragraph's own markup (suggestions,
/// terms, flags) is left as it is. Offsets count the paragraph's stored text (see
/// sentenceHighlight), in either language.
import type { ThreadView } from "@/lib/comments/view";
import { rangeIn } from "../reader/sentenceHighlight";

type Highlights = { set(name: string, h: unknown): void; delete(name: string): void };
declare const Highlight: { new (...ranges: Range[]): unknown };
const highlights = (): Highlights | null => (typeof CSS !== "undefined" && "highlights" in CSS ? (CSS as unknown as { highlights: Highlights }).highlights : null);

/// The element of a paragraph in the reader.
export const paragraphElement = (lang: "fr" | "en", position: number) => document.querySelector(`.reader .para[data-lang="${lang}"][data-position="${position}"]`);

/// Draws the threads that stand on their words (`textOf` gives the paragraph's current text: a
/// thread is drawn only where its quote stands, so a change on its way is never misdrawn).
export function drawThreads(threads: readonly ThreadView[], textOf: (t: ThreadView) => string | undefined, current: number | null): void {
  const h = highlights();
  if (!h) return;
  const all: Range[] = [];
  const mine: Range[] = [];
  for (const t of threads) {
    if (t.stale || t.resolved || textOf(t)?.slice(t.start, t.end) !== t.quote) continue;
    const el = paragraphElement(t.lang, t.position);
    const range = el && rangeIn(el, t.start, t.end);
    if (!range) continue;
    all.push(range);
    if (t.id === current) mine.push(range);
  }
  h.set("vv-thread", new Highlight(...all));
  h.set("vv-thread-current", new Highlight(...mine));
}

/// Removes the threads' highlights.
export function clearThreads(): void {
  highlights()?.delete("vv-thread");
  highlights()?.delete("vv-thread-current");
}

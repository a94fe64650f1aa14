/// The reader's views of the French text, remembered in a cookie like the layout:
/// - "clean": the current text only, as a reader wants it (no suggestion marks, flags or lists);
/// - "suggestions": the text with its open suggestions, flags and threads (for correcting);
/// - "original": the machine translation as imported, each paragraph changed since marked.
import type { ReaderLayout } from "./layouts";

export const READING_VIEWS = ["clean", "suggestions", "original"] as const;
export type ReadingView = (typeof READING_VIEWS)[number];
export const READING_VIEW_COOKIE = "view";

/// The view the cookie names; without one, "suggestions" for people who correct or review
/// (the marks are their work) and "clean" for everyone else (readers want the text).
export function readingView(cookie: string | undefined, corrects: boolean): ReadingView {
  if ((READING_VIEWS as readonly string[]).includes(cookie ?? "")) return cookie as ReadingView;
  return corrects ? "suggestions" : "clean";
}

/// Whether a layout shows the English side.
export const showsEnglish = (layout: ReaderLayout) => layout !== "fr";

/// The layout with the English side shown or hidden: hiding it leaves the French alone; showing
/// it again brings back the two-sided layout the reader had (`before`), else side by side.
export function withEnglish(layout: ReaderLayout, shown: boolean, before: ReaderLayout | null): ReaderLayout {
  if (shown === showsEnglish(layout)) return layout;
  if (!shown) return "fr";
  return before && before !== "fr" ? before : "side";
}

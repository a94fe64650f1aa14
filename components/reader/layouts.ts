/// The reader's layouts, remembered in a cookie.

export const READER_LAYOUTS = ["side", "fr", "en", "interleaved"] as const;
export type ReaderLayout = (typeof READER_LAYOUTS)[number];
export const READER_LAYOUT_COOKIE = "layout";

/// The layout named by the cookie, or side by side.
export function readerLayout(cookie: string | undefined): ReaderLayout {
  return (READER_LAYOUTS as readonly string[]).includes(cookie ?? "") ? (cookie as ReaderLayout) : "side";
}

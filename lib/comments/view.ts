/// Comment threads as the interface and the API show them: a thread anchored on words of a
/// French or English paragraph, its comments (the first one opens it), whether its words were
/// replaced (stale) and whether it is resolved.

export interface ThreadCommentView {
  id: number;
  author: string;
  text: string;
  /// The account names mentioned (@name) in the text.
  mentions: string[];
  createdAt: string;
}

export interface ThreadView {
  id: number;
  paragraphId: number;
  lang: "fr" | "en";
  /// The paragraph's position among its language's paragraphs, from 0.
  position: number;
  /// The revision `start` and `end` refer to (for a stale thread: the one before the change that
  /// replaced its words).
  revision: number;
  start: number;
  end: number;
  /// The words the thread is about, as they stood when it was made.
  quote: string;
  /// Its words were replaced: it is shown with its quote, no longer drawn in the text.
  stale: boolean;
  resolved: { by: string; at: string } | null;
  author: string;
  createdAt: string;
  comments: ThreadCommentView[];
}

/// The element id (and URL fragment) of a thread's card: `t-<id>`.
export const threadAnchorId = (id: number) => `t-${id}`;

/// The thread a URL fragment names (`#t-12` → 12), or null.
export function threadOfHash(hash: string): number | null {
  const m = /^#?t-(\d{1,10})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/// Threads in reading order within a row: French before English, then by paragraph and place.
export function byPlace(a: ThreadView, b: ThreadView): number {
  return (a.lang === b.lang ? 0 : a.lang === "fr" ? -1 : 1) || a.position - b.position || a.start - b.start || a.id - b.id;
}

/// The names mentioned anywhere in a thread, each once, in order of first mention.
export function threadMentions(thread: Pick<ThreadView, "comments">): string[] {
  return [...new Set(thread.comments.flatMap((c) => c.mentions))];
}

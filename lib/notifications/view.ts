/// Notifications as the interface shows them: what happened, who did it, and where, so a click
/// leads to the exact paragraph and suggestion.

/// `mention`: someone wrote @you in a comment; `reply`: a new comment in a thread you took part
/// in (or on your suggestion); `accepted` / `rejected`: a reviewer decided on your suggestion.
export type NotificationKind = "mention" | "reply" | "accepted" | "rejected";

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  actor: string;
  /// The comment's text or the rejection's reason (cut), empty for an acceptance.
  excerpt: string;
  createdAt: string;
  read: boolean;
  document: { slug: string; title: string };
  /// 1-based, as the reader's `#p-N` anchors count.
  paragraph: number | null;
  suggestionId: number | null;
  /// Set when the news is of a comment thread on the text (`#t-<id>` leads to it).
  threadId?: number | null;
}

/// Where a notification leads: the suggestion's card in its document, or the comment thread's,
/// else the paragraph.
export function notificationHref(n: Pick<NotificationView, "document" | "paragraph" | "suggestionId" | "threadId">): string {
  const base = `/documents/${encodeURIComponent(n.document.slug)}`;
  if (n.suggestionId !== null) return `${base}#s-${n.suggestionId}`;
  if (n.threadId) return `${base}#t-${n.threadId}`;
  return n.paragraph !== null ? `${base}#p-${n.paragraph}` : base;
}

/// The longest excerpt kept with a notification.
export const EXCERPT_LENGTH = 280;

/// A text cut to the excerpt length at a word boundary, with an ellipsis when cut.
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/// The @names of a comment, with their place: a name of 2–40 letters, digits, `.`, `_` or `-`,
/// not inside a word or an e-mail address. Punctuation that ends a sentence is not part of the
/// name ("merci @ana." names ana); `raw` keeps it, for an account whose name really ends so.
export function mentionSpans(text: string): Array<{ start: number; end: number; name: string; raw: string }> {
  return [...text.matchAll(MENTION)].flatMap((m) => {
    const start = m.index! + m[0].indexOf("@");
    const name = m[1].replace(/[._-]+$/, "");
    return name.length < 2 ? [] : [{ start, end: start + 1 + name.length, name, raw: m[1] }];
  });
}

const MENTION = /(?:^|[^\p{L}\p{N}_.-])@([\p{L}\p{N}][\p{L}\p{N}._-]{1,39})/gu;

/// The @name being typed just before the caret ("Merci @an|" → "an"), or null.
export function mentionAtCaret(text: string, caret: number): { start: number; prefix: string } | null {
  const m = /(?:^|[^\p{L}\p{N}_.-])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,39})?$/u.exec(text.slice(0, caret));
  if (!m) return null;
  const prefix = m[1] ?? "";
  return { start: caret - prefix.length - 1, prefix };
}

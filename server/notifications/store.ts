/// Notifications: written in the same transaction as the comment or decision they tell of, read
/// by the bell. Delivery goes through one interface so that another channel (e-mail) can be added
/// beside the in-app one without touching the workflow.
import "server-only";
import type { Kysely } from "kysely";
import { excerpt, type NotificationKind, type NotificationView } from "../../lib/notifications/view";
import type { Database } from "../db/schema";

/// One notification to deliver to one account.
export interface NotificationDraft {
  userId: number;
  kind: NotificationKind;
  documentId: number;
  suggestionId: number | null;
  commentId: number | null;
  /// Set on news of a comment thread (lib/comments): then `commentId` names one of its comments.
  threadId?: number | null;
  actorName: string;
  excerpt: string;
  createdAt: string;
}

/// A way of reaching people. Called inside the transaction that makes the news, so a channel
/// that cannot roll back (e-mail) should queue in the database and send after the commit.
export interface NotificationChannel {
  deliver(db: Kysely<Database>, drafts: readonly NotificationDraft[]): Promise<void>;
}

/// The bell: a row per notification, read through `listNotifications`.
export const inAppChannel: NotificationChannel = {
  async deliver(db, drafts) {
    if (drafts.length === 0) return;
    await db
      .insertInto("notifications")
      .values(
        drafts.map((d) => ({
          user_id: d.userId,
          kind: d.kind,
          document_id: d.documentId,
          suggestion_id: d.suggestionId,
          comment_id: d.commentId,
          thread_id: d.threadId ?? null,
          actor_name: d.actorName,
          excerpt: excerpt(d.excerpt),
          created_at: d.createdAt,
        })),
      )
      .execute();
  },
};

const channels: NotificationChannel[] = [inAppChannel];

/// Delivers through every channel.
export async function notify(db: Kysely<Database>, drafts: readonly NotificationDraft[]): Promise<void> {
  for (const channel of channels) await channel.deliver(db, drafts);
}

/// Who hears of a new comment: the accounts it mentions ("mention"), and everyone else who took
/// part in the thread — the suggestion's author and earlier commenters ("reply") — never its
/// own author.
export async function commentNotifications(
  db: Kysely<Database>,
  c: { documentId: number; suggestionId: number; commentId: number; authorId: number | null; authorName: string; text: string; mentioned: readonly number[]; at: string },
): Promise<NotificationDraft[]> {
  const [suggestion, commenters] = await Promise.all([
    db.selectFrom("suggestions").select("author_id").where("id", "=", c.suggestionId).executeTakeFirst(),
    db.selectFrom("comments").select("author_id").distinct().where("suggestion_id", "=", c.suggestionId).where("id", "<>", c.commentId).execute(),
  ]);
  const participants = [suggestion?.author_id ?? null, ...commenters.map((r) => r.author_id)];
  return [...commentRecipients(c.mentioned, participants, c.authorId)].map(([userId, kind]) => ({
    userId,
    kind,
    documentId: c.documentId,
    suggestionId: c.suggestionId,
    commentId: c.commentId,
    actorName: c.authorName,
    excerpt: c.text,
    createdAt: c.at,
  }));
}

/// Who hears of a comment and why: those it mentions ("mention"), then the others who took
/// part in its thread ("reply"), each once, never its author.
export function commentRecipients(mentioned: readonly number[], participants: readonly (number | null)[], authorId: number | null): Map<number, NotificationKind> {
  const recipients = new Map<number, NotificationKind>();
  for (const id of mentioned) recipients.set(id, "mention");
  for (const id of participants) if (id !== null && !recipients.has(id)) recipients.set(id, "reply");
  if (authorId !== null) recipients.delete(authorId);
  return recipients;
}

/// Tells a suggestion's author that it was accepted or rejected (not when they decided it themselves).
export function decisionNotification(
  s: { id: number; document_id: number; author_id: number | null },
  decision: { kind: "accepted" | "rejected"; actor: { id: number | null; name: string }; reason?: string; at: string },
): NotificationDraft[] {
  if (s.author_id === null || s.author_id === decision.actor.id) return [];
  return [
    {
      userId: s.author_id,
      kind: decision.kind,
      documentId: s.document_id,
      suggestionId: s.id,
      commentId: null,
      actorName: decision.actor.name,
      excerpt: decision.reason ?? "",
      createdAt: decision.at,
    },
  ];
}

/// A person's notifications, newest first, `limit` at a time (older than `before` when given).
export async function listNotifications(db: Kysely<Database>, userId: number, options: { limit?: number; before?: number } = {}): Promise<NotificationView[]> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  let q = db
    .selectFrom("notifications as n")
    .innerJoin("documents as d", "d.id", "n.document_id")
    .leftJoin("suggestions as s", "s.id", "n.suggestion_id")
    .leftJoin("threads as t", "t.id", "n.thread_id")
    .leftJoin("paragraphs as p", (j) => j.on((eb) => eb("p.id", "=", eb.fn.coalesce("s.paragraph_id", "t.paragraph_id"))))
    .select(["n.id", "n.kind", "n.actor_name", "n.excerpt", "n.created_at", "n.read_at", "n.suggestion_id", "n.thread_id", "d.slug", "d.title_fr", "p.position", "p.lang"])
    .where("n.user_id", "=", userId)
    .orderBy("n.id", "desc")
    .limit(limit);
  if (options.before !== undefined) q = q.where("n.id", "<", options.before);
  return (await q.execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actor_name,
    excerpt: r.excerpt,
    createdAt: r.created_at,
    read: r.read_at !== null,
    document: { slug: r.slug, title: r.title_fr },
    // `#p-N` counts French paragraphs: an English thread's place is its own anchor.
    paragraph: r.position === null || r.lang !== "fr" ? null : r.position + 1,
    suggestionId: r.suggestion_id,
    threadId: r.thread_id,
  }));
}

/// How many notifications a person has not read, and the newest one's id (0 when none): what a
/// live stream compares to know whether anything changed.
export async function notificationState(db: Kysely<Database>, userId: number): Promise<{ unread: number; newest: number }> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => [eb.fn.count<number>("id").filterWhere("read_at", "is", null).as("unread"), eb.fn.max("id").as("newest")])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return { unread: Number(row?.unread ?? 0), newest: Number(row?.newest ?? 0) };
}

/// Marks some of a person's notifications (or all of them) as read; returns how many changed.
export async function markRead(db: Kysely<Database>, userId: number, which: number[] | "all", at = new Date().toISOString()): Promise<number> {
  let q = db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null);
  if (which !== "all") {
    if (which.length === 0) return 0;
    q = q.where("id", "in", which);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

"use client";
/// One comment thread under its row: the words it is about (with their language), its comments
/// with their mentions, a reply box, and Resolve / Reopen for its author, reviewers and admins.
/// A stale thread says its words were replaced and stays answerable.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { threadAnchorId, type ThreadView } from "@/lib/comments/view";
import { Notice } from "../Notice";
import { MentionInput } from "../notifications/MentionInput";
import { CommentItem } from "../notifications/CommentItem";
import { useApiAction } from "../useApiAction";

export interface ThreadPermissions {
  comment: boolean;
  /// Resolve and reopen any thread (reviewers and admins); authors may their own.
  review: boolean;
}

export function ThreadCard({
  slug,
  thread,
  me,
  can,
  onChanged,
  onFocusThread,
}: {
  slug: string;
  thread: ThreadView;
  me: string | null;
  can: ThreadPermissions;
  onChanged(thread: ThreadView): void;
  onFocusThread(id: number | null): void;
}) {
  const { t } = useTranslation();
  const [reply, setReply] = useState("");
  const action = useApiAction();
  const base = `/api/documents/${encodeURIComponent(slug)}/threads/${thread.id}`;
  const mayResolve = can.review || (me !== null && me === thread.author);

  async function sendReply(e: FormEvent) {
    e.preventDefault();
    const answer = await action.run<{ thread: ThreadView }>(`${base}/comments`, "POST", { text: reply });
    if (answer.ok && answer.body) {
      onChanged(answer.body.thread);
      setReply("");
    }
  }
  async function setResolved(resolved: boolean) {
    const answer = await action.run<{ thread: ThreadView }>(`${base}/resolve`, "POST", { resolved });
    if (answer.ok && answer.body) onChanged(answer.body.thread);
  }

  const classes = ["thread-card", thread.stale ? "stale" : "", thread.resolved ? "resolved" : ""];
  return (
    <li
      id={threadAnchorId(thread.id)}
      className={classes.filter(Boolean).join(" ")}
      tabIndex={-1}
      data-thread={thread.id}
      data-lang={thread.lang}
      data-stale={thread.stale || undefined}
      aria-label={t("threads.threadLabel", { author: thread.author, quote: thread.quote })}
      onMouseEnter={() => onFocusThread(thread.id)}
      onMouseLeave={() => onFocusThread(null)}
      onFocus={() => onFocusThread(thread.id)}
    >
      <p className="thread-quote">
        <span className="thread-lang">{t(`langName.${thread.lang}`)}</span>{" "}
        <q lang={thread.lang} className={thread.stale ? "replaced" : undefined}>
          {thread.quote}
        </q>
        {thread.stale && (
          <span className="thread-stale" title={t("threads.staleHint")}>
            {t("threads.stale")}
          </span>
        )}
        {thread.resolved && <span className="thread-resolved">{t("threads.resolvedBy", { name: thread.resolved.by })}</span>}
      </p>
      <ul className="thread-comments">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ul>
      <div className="thread-actions">
        {can.comment && (
          <form className="inline-form comment-form" onSubmit={sendReply}>
            <label>
              <span className="visually-hidden">{t("threads.reply")}</span>
              <MentionInput type="text" name="text" required maxLength={4000} placeholder={t("threads.replyPlaceholder")} value={reply} onChange={(e) => setReply(e.target.value)} />
            </label>
            <button type="submit" disabled={action.busy}>
              {t("threads.reply")}
            </button>
          </form>
        )}
        {can.comment && mayResolve && (
          <button type="button" className="thread-resolve" disabled={action.busy} onClick={() => setResolved(!thread.resolved)}>
            {thread.resolved ? t("threads.reopen") : t("threads.resolve")}
          </button>
        )}
      </div>
      <Notice message={action.message} />
    </li>
  );
}

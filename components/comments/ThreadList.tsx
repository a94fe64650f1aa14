"use client";
/// The comment threads of one row, under it: open ones (anchored or stale) in reading order,
/// then the resolved ones folded away behind a count (unfolded when a link names one of them).
import { useTranslation } from "react-i18next";
import { byPlace, type ThreadView } from "@/lib/comments/view";
import { ThreadCard, type ThreadPermissions } from "./ThreadCard";
import "./comments.css";

export function ThreadList({
  slug,
  number,
  threads,
  me,
  can,
  target,
  onChanged,
  onFocusThread,
}: {
  slug: string;
  /// The row's number, as the reader shows it.
  number: string;
  threads: readonly ThreadView[];
  me: string | null;
  can: ThreadPermissions;
  /// A thread a link leads to: shown even when resolved.
  target: number | null;
  onChanged(thread: ThreadView): void;
  onFocusThread(id: number | null): void;
}) {
  const { t } = useTranslation();
  if (threads.length === 0) return null;
  const sorted = [...threads].sort(byPlace);
  const open = sorted.filter((x) => !x.resolved);
  const resolved = sorted.filter((x) => x.resolved);
  const card = (x: ThreadView) => <ThreadCard key={x.id} slug={slug} thread={x} me={me} can={can} onChanged={onChanged} onFocusThread={onFocusThread} />;
  return (
    <section className="threads" aria-label={t("threads.listLabel", { number })}>
      {open.length > 0 && <ul className="thread-list">{open.map(card)}</ul>}
      {resolved.length > 0 && (
        <details className="resolved-threads" open={resolved.some((x) => x.id === target) || undefined}>
          <summary>{t("threads.resolvedCount", { count: resolved.length })}</summary>
          <ul className="thread-list">{resolved.map(card)}</ul>
        </details>
      )}
    </section>
  );
}

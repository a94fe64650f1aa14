"use client";
/// One suggestion in a paragraph's list: the change in its context (deleted words struck
/// through, inserted ones underlined), why, by whom, its thread, and the reviewer's actions.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestionView } from "@/server/corrections/views";
import { Notice } from "../Notice";
import { ChangeMarks } from "./ChangeMarks";
import { useApiAction } from "../useApiAction";
import { MentionInput } from "../notifications/MentionInput";
import { MentionText } from "../notifications/MentionText";

export interface CardPermissions {
  review: boolean;
  comment: boolean;
}

const categoryKey = (c: string) => `categories.${c.replace("/", "_")}`;

export function SuggestionCard({
  slug,
  suggestion: s,
  text,
  can,
  selected,
  focused,
  onSelect,
}: {
  slug: string;
  suggestion: SuggestionView;
  text: string;
  can: CardPermissions;
  selected: boolean;
  focused: boolean;
  onSelect(selected: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, message, run } = useApiAction();
  const [rejecting, setRejecting] = useState(false);
  const base = `/api/documents/${encodeURIComponent(slug)}/suggestions/${s.id}`;
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  const after = text.slice(s.end, s.end + 40);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(s.createdAt));

  async function sendReject(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
    if ((await run(`${base}/reject`, "POST", { reason })).ok) setRejecting(false);
  }

  async function sendComment(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if ((await run(`${base}/comments`, "POST", { text: String(new FormData(form).get("text") ?? "") })).ok) form.reset();
  }

  return (
    <li className={focused ? "suggestion-card focused" : "suggestion-card"} data-suggestion={s.id} id={`s-${s.id}`} tabIndex={-1}>
      <div className="card-head">
        {can.review && (
          <label className="select-box">
            <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
            <span className="visually-hidden">{t("corrections.select", { id: s.id })}</span>
          </label>
        )}
        <span className="sug-id">#{s.id}</span>
        <span className={`badge severity-${s.severity}`}>{t(`severities.${s.severity}`)}</span>
        <span className="badge">{t(categoryKey(s.category))}</span>
        {s.sameFixAs !== null && <span className="badge same-fix">{t("corrections.sameFixAs", { id: s.sameFixAs })}</span>}
        <span className="byline">{t("corrections.byline", { author: s.author, when })}</span>
      </div>
      <p className="card-change" lang="fr">
        {before && <span className="context">…{before}</span>}
        <ChangeMarks deleted={s.deleted} inserted={s.inserted} />
        {after && <span className="context">{after}…</span>}
      </p>
      {s.note && <p className="card-note">{s.note}</p>}
      {s.comments.length > 0 && (
        <ul className="thread" aria-label={t("corrections.thread")}>
          {s.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong>{" "}
              <time dateTime={c.createdAt}>{new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" }).format(new Date(c.createdAt))}</time>
              <p>
                <MentionText text={c.text} mentions={c.mentions} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        {can.review && (
          <>
            <button type="button" className="accept" disabled={busy} onClick={() => run(`${base}/accept`, "POST", {})}>
              {t("corrections.accept")}
            </button>
            <button type="button" className="reject" disabled={busy} onClick={() => setRejecting((r) => !r)} aria-expanded={rejecting}>
              {t("corrections.reject")}
            </button>
          </>
        )}
      </div>
      {rejecting && (
        <form className="inline-form reject-form" onSubmit={sendReject}>
          <label>
            {t("corrections.rejectReason")}
            <input type="text" name="reason" required maxLength={2000} autoFocus />
          </label>
          <button type="submit" disabled={busy}>
            {t("corrections.confirmReject")}
          </button>
        </form>
      )}
      {can.comment && (
        <form className="inline-form comment-form" onSubmit={sendComment}>
          <label>
            <span className="visually-hidden">{t("corrections.comment")}</span>
            <MentionInput type="text" name="text" required maxLength={4000} placeholder={t("corrections.commentPlaceholder")} />
          </label>
          <button type="submit" disabled={busy}>
            {t("corrections.send")}
          </button>
        </form>
      )}
      <Notice message={message} />
    </li>
  );
}

"use client";
/// One suggestion in a paragraph's list: the change in its context (deleted words struck
/// through, inserted ones underlined), why, by whom, its thread, and the reviewer's actions.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestionView } from "@/lib/corrections/views";
import { Notice } from "../Notice";
import { ChangeMarks } from "./ChangeMarks";
import { ProposedBy } from "./ProposalGroups";
import { useApiAction } from "../useApiAction";
import { MentionInput } from "../notifications/MentionInput";
import { CommentItem } from "../notifications/CommentItem";
import { RejectForm } from "./RejectForm";

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
  onHold,
  onShowWinner,
}: {
  slug: string;
  suggestion: SuggestionView;
  text: string;
  can: CardPermissions;
  selected: boolean;
  focused: boolean;
  onSelect(selected: boolean): void;
  /// Keeps the card on screen while the reader acts on it or has written in it, even if a live
  /// update decides the suggestion meanwhile (the reader must see what happened to their click).
  onHold?(hold: boolean): void;
  /// Shows the suggestion that won over this one (in the paragraph's history).
  onShowWinner?(id: number): void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, message, run, clear } = useApiAction();
  const [rejecting, setRejecting] = useState(false);
  const [commentText, setCommentText] = useState("");
  const [dismissed, setDismissed] = useState(false);
  const open = s.status === "open";
  // A held card whose suggestion was decided meanwhile stays until its outcome is dismissed.
  const pending = busy || rejecting || commentText !== "" || (message !== null && !message.ok) || (!open && !dismissed);
  useEffect(() => onHold?.(pending), [onHold, pending]);
  const base = `/api/documents/${encodeURIComponent(slug)}/suggestions/${s.id}`;
  // The words around an open suggestion; a decided one's offsets refer to an older text.
  const before = s.status === "open" ? text.slice(Math.max(0, s.start - 40), s.start) : "";
  const after = s.status === "open" ? text.slice(s.end, s.end + 40) : "";
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(s.createdAt));

  async function sendReject(reason: string) {
    if ((await run(`${base}/reject`, "POST", { reason })).ok) {
      setRejecting(false);
      setDismissed(true); // the reader's own decision: nothing to tell them
    }
  }

  async function sendComment(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if ((await run(`${base}/comments`, "POST", { text: String(new FormData(form).get("text") ?? "") })).ok) setCommentText("");
  }

  /// Accepts; the card is held from the click on, before any answer or live update can arrive.
  function sendAccept() {
    onHold?.(true);
    void run(`${base}/accept`, "POST", {}).then((answer) => answer.ok && setDismissed(true));
  }

  /// What happened to the suggestion while the reader had it in hand, with a way to the winner.
  const outcome = open ? null : (
    <div className="card-outcome" role="alert">
      <p>
        {s.status === "stale" && s.staleBecause !== null
          ? t("integrity.lostTo", { id: s.id, winner: s.staleBecause })
          : s.status === "stale"
            ? t("integrity.staleMeanwhile", { id: s.id })
            : s.status === "accepted"
              ? t("integrity.acceptedMeanwhile", { id: s.id, by: s.decidedBy ?? "" })
              : t("integrity.rejectedMeanwhile", { id: s.id, by: s.decidedBy ?? "", reason: s.reason ?? "" })}{" "}
        {s.status === "stale" && s.staleBecause !== null && (
          <a
            href={`#h-s-${s.staleBecause}`}
            className="winner-link"
            onClick={(e) => {
              e.preventDefault();
              onShowWinner?.(s.staleBecause!);
            }}
          >
            {t("integrity.seeWinner", { id: s.staleBecause })}
          </a>
        )}
      </p>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          clear();
          setRejecting(false);
          setCommentText("");
          setDismissed(true);
          onHold?.(false);
        }}
      >
        {t("integrity.dismiss")}
      </button>
    </div>
  );

  return (
    <li
      className={`suggestion-card${focused ? " focused" : ""}${open ? "" : " decided"}`}
      data-suggestion={s.id}
      data-status={s.status}
      id={`s-${s.id}`}
      tabIndex={-1}
    >
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
        {s.sameFixAs !== null ? <ProposedBy suggestion={s} /> : <span className="byline">{t("corrections.byline", { author: s.author, when })}</span>}
      </div>
      <p className="card-change" lang="fr">
        {before && <span className="context">…{before}</span>}
        <ChangeMarks deleted={s.deleted} inserted={s.inserted} />
        {after && <span className="context">{after}…</span>}
      </p>
      {s.note && <p className="card-note">{s.note}</p>}
      {s.supporters.length > 0 && (
        <p className="card-supporters" data-supporters={s.supporters.join(",")}>
          {t("integrity.supportedBy", { count: s.supporters.length, names: s.supporters.join(", ") })}
        </p>
      )}
      {outcome}
      {s.comments.length > 0 && (
        <ul className="thread" aria-label={t("corrections.thread")}>
          {s.comments.map((c) => (
            <CommentItem key={c.id} comment={c} />
          ))}
        </ul>
      )}
      <div className="card-actions">
        {can.review && open && (
          <>
            <button type="button" className="accept" disabled={busy} onClick={sendAccept}>
              {t("corrections.accept")}
            </button>
            <button
              type="button"
              className="reject"
              disabled={busy}
              onClick={() => {
                onHold?.(true);
                setRejecting((r) => !r);
              }}
              aria-expanded={rejecting}
            >
              {t("corrections.reject")}
            </button>
          </>
        )}
      </div>
      {rejecting && <RejectForm busy={busy} onReject={sendReject} />}
      {can.comment && (
        <form className="inline-form comment-form" onSubmit={sendComment}>
          <label>
            <span className="visually-hidden">{t("corrections.comment")}</span>
            <MentionInput
              type="text"
              name="text"
              required
              maxLength={4000}
              placeholder={t("corrections.commentPlaceholder")}
              value={commentText}
              onChange={(e) => {
                if (e.target.value) onHold?.(true);
                setCommentText(e.target.value);
              }}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t("corrections.send")}
          </button>
        </form>
      )}
      {/* Once the suggestion is decided, the outcome above says what the refusal would. */}
      <Notice message={open || message?.ok ? message : null} />
    </li>
  );
}

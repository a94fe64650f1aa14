"use client";
/// A paragraph's history: each revision with who, when, why and a word diff; a reviewer can
/// revert an accepted change (as a new revision). The original machine translation can be shown
/// alone or as a diff against the corrected text.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ParagraphHistory, SuggestionView } from "@/lib/corrections/views";
import { callApi } from "../api";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";
import { ChangeMarks } from "./ChangeMarks";
import { elidesWords, WordDiff } from "./WordDiff";

/// Unchanged words shown on each side of a change in a revision's diff.
const CONTEXT_WORDS = 6;

export function HistoryPanel({
  slug,
  position,
  revision,
  canRevert,
  declined,
  focusSuggestion = null,
  onClose,
}: {
  slug: string;
  position: number;
  revision: number;
  canRevert: boolean;
  /// The paragraph's rejected and stale suggestions, shown with their reasons.
  declined: SuggestionView[];
  /// The suggestion whose revision to bring into view and focus once the history is loaded.
  focusSuggestion?: number | null;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<ParagraphHistory | null>(null);
  const [original, setOriginal] = useState<"hidden" | "alone" | "diff">("hidden");
  // Revisions shown with their whole paragraph rather than the changed words in context.
  const [whole, setWhole] = useState<ReadonlySet<number>>(new Set());
  const toggleWhole = (id: number) =>
    setWhole((w) => {
      const next = new Set(w);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const { busy, message, run } = useApiAction();
  const base = `/api/documents/${encodeURIComponent(slug)}`;

  const load = useCallback(async () => {
    const answer = await callApi<{ history: ParagraphHistory }>(`${base}/paragraphs/${position}/history`, "GET");
    if (answer.ok && answer.body) setHistory(answer.body.history);
  }, [base, position]);
  // Reload when the paragraph gets a new revision (live).
  useEffect(() => void load(), [load, revision]);
  useEffect(() => {
    if (history && focusSuggestion !== null) document.getElementById(`h-s-${focusSuggestion}`)?.focus();
  }, [history, focusSuggestion]);

  const when = (at: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
  return (
    <section className="history-panel" aria-label={t("corrections.historyTitle", { number: position + 1 })}>
      <div className="panel-head">
        <h2>{t("corrections.historyTitle", { number: position + 1 })}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t("corrections.close")}
        </button>
      </div>
      <div className="original-switch" role="group" aria-label={t("corrections.original")}>
        {(["hidden", "alone", "diff"] as const).map((mode) => (
          <button key={mode} type="button" aria-pressed={original === mode} onClick={() => setOriginal(mode)}>
            {t(`corrections.original_${mode}`)}
          </button>
        ))}
      </div>
      {history && original === "alone" && (
        <p className="original-text" lang="fr">
          {history.original}
        </p>
      )}
      {history && original === "diff" && (
        <p className="original-text" lang="fr">
          <WordDiff before={history.original} after={history.text} />
        </p>
      )}
      {history && history.revisions.length === 0 && <p>{t("corrections.noHistory")}</p>}
      {history && (
        <ol className="revisions">
          {history.revisions.map((r) => (
            <li
              key={r.id}
              data-revision={r.revision}
              id={r.suggestion && r.kind === "accept" ? `h-s-${r.suggestion.id}` : undefined}
              tabIndex={r.suggestion && r.kind === "accept" ? -1 : undefined}
              className={r.suggestion && r.suggestion.id === focusSuggestion ? "focused" : undefined}
            >
              <p className="rev-head">
                <strong>{t("corrections.revision", { number: r.revision })}</strong> · {t(`corrections.kind_${r.kind}`)} · {r.actor} ·{" "}
                <time dateTime={r.at}>{when(r.at)}</time>
                {r.suggestion && (
                  <>
                    {" "}
                    · #{r.suggestion.id} {t(`categories.${r.suggestion.category.replace("/", "_")}`)}, {t(`severities.${r.suggestion.severity}`)}
                  </>
                )}
                {r.revertedByRevision !== null && <> · {t("corrections.revertedIn", { number: r.revertedByRevision })}</>}
              </p>
              {r.suggestion?.note && <p className="card-note">{r.suggestion.note}</p>}
              <p className="rev-diff" lang="fr">
                <WordDiff before={r.textBefore} after={r.textAfter} context={whole.has(r.id) ? undefined : CONTEXT_WORDS} />
                {elidesWords(r.textBefore, r.textAfter, CONTEXT_WORDS) && (
                  <>
                    {" "}
                    <button type="button" className="link-button whole-toggle" aria-pressed={whole.has(r.id)} onClick={() => toggleWhole(r.id)}>
                      {t(whole.has(r.id) ? "corrections.changedWordsOnly" : "corrections.wholeParagraph")}
                    </button>
                  </>
                )}
              </p>
              {canRevert && r.kind === "accept" && r.revertedByRevision === null && (
                <button type="button" disabled={busy} onClick={async () => (await run(`${base}/revisions/${r.id}/revert`, "POST", {})).ok && load()}>
                  {t("corrections.revert")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {declined.length > 0 && (
        <>
          <h3>{t("corrections.declinedTitle")}</h3>
          <ul className="declined">
            {declined.map((s) => (
              <li key={s.id} data-suggestion={s.id}>
                <p className="rev-head">
                  <strong>#{s.id}</strong> · {t(`corrections.status_${s.status}`)} · {s.author}
                  {s.decidedBy && <> · {t("corrections.decidedBy", { name: s.decidedBy })}</>}
                  {s.staleBecause !== null && <> · {t("corrections.staleBecause", { id: s.staleBecause })}</>}
                </p>
                <p className="card-change" lang="fr">
                  <ChangeMarks deleted={s.deleted} inserted={s.inserted} />
                </p>
                {s.reason && <p className="card-note">{t("corrections.reasonLabel", { reason: s.reason })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <Notice message={message} />
    </section>
  );
}

"use client";
/// The flags of one French paragraph, under it: each with its message, the English evidence, a
/// one-click prefilled suggestion when the rule knows the replacement (the editor opens with the
/// fix typed in, category and severity from the rule), and for reviewers a dismissal with a reason. Dismissed flags stay listed, muted, with
/// who dismissed them, when and why.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { offersFix, type FlagView } from "@/lib/flags/view";
import { callApi } from "../api";
import "./checks.css";
import { categoryLabel, flagItemId, flagMessage, quoteOf } from "./labels";

/// What the list needs of a suggestion (the workspace's suggestion views have more).
export interface SuggestionLike {
  id: number;
  start: number;
  end: number;
  inserted: string;
}

export interface FlagListProps {
  slug: string;
  number: number;
  text: string;
  flags: FlagView[];
  /// The paragraph's open suggestions (a flag whose words one of them changes says so).
  open: SuggestionLike[];
  can: { suggest: boolean; review: boolean };
  /// Opens the editor with the flag's fix typed in.
  onSuggest(flag: FlagView): void;
}

export function FlagList({ slug, number, text, flags, open, can, onSuggest }: FlagListProps) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul className="flag-list" aria-label={t("flags.listLabel", { number })}>
      {flags.map((f) => (
        <FlagItem key={f.key} slug={slug} text={text} flag={f} open={open} can={can} onSuggest={onSuggest} />
      ))}
    </ul>
  );
}

function FlagItem({ slug, text, flag, open, can, onSuggest }: Omit<FlagListProps, "flags" | "number"> & { flag: FlagView }) {
  const { t, i18n } = useTranslation();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/documents/${encodeURIComponent(slug)}`;
  const words = quoteOf(text, flag);
  const message = flagMessage(t, flag);
  // What the message or the words already say is not repeated.
  const evidenceFr = flag.evidence?.fr !== undefined && flag.evidence.fr !== text.slice(flag.start, flag.end) ? flag.evidence.fr : undefined;
  // An open suggestion on the flagged words is taken to deal with the flag.
  const suggested = open.find((s) => s.start < flag.end && flag.start < s.end);

  async function act(run: () => Promise<{ ok: boolean; body: { error?: { message: string } } | null }>) {
    setBusy(true);
    setError(null);
    const answer = await run();
    setBusy(false);
    if (!answer.ok) setError(answer.body?.error?.message ?? t("errors.generic"));
    return answer.ok;
  }

  const dismiss = async () => {
    const done = await act(() =>
      callApi(`${base}/flags/dismissals`, "POST", { paragraphId: flag.paragraphId, revision: flag.revision, rule: flag.rule, start: flag.start, end: flag.end, reason }),
    );
    if (done) {
      setDismissing(false);
      setReason("");
    }
  };

  const d = flag.dismissal;
  return (
    <li id={flagItemId(flag.key)} tabIndex={-1} className={`flag-item sev-${flag.severity}${d ? " dismissed" : ""}`} data-rule={flag.rule} data-flag={flag.key}>
      <p className="flag-head">
        <span className={`flag-sev sev-${flag.severity}`}>{t(`severities.${flag.severity}`)}</span>
        <span className="flag-cat">{categoryLabel(t, flag.category)}</span>
        {words && !message.includes(words) && (
          <q className="flag-words" lang="fr">
            {words}
          </q>
        )}
        <span className="flag-message">{message}</span>
      </p>
      {(flag.evidence?.en || evidenceFr) && (
        <p className="flag-evidence">
          {flag.evidence?.en && (
            <span>
              {t("flags.evidenceEn")} <q lang="en">{flag.evidence.en}</q>
            </span>
          )}
          {evidenceFr && (
            <span>
              {t("flags.evidenceFr")} <q lang="fr">{evidenceFr}</q>
            </span>
          )}
        </p>
      )}
      {d ? (
        <p className="flag-dismissal">
          {t("flags.dismissedBy", { name: d.author, date: new Date(d.at).toLocaleString(i18n.language), reason: d.reason })}{" "}
          {can.review && (
            <button type="button" className="tool" disabled={busy} onClick={() => act(() => callApi(`${base}/flags/dismissals/${d.id}`, "DELETE"))}>
              {t("flags.restore")}
            </button>
          )}
        </p>
      ) : (
        <div className="flag-actions">
          {suggested ? (
            <span className="muted">{t("flags.suggested", { id: suggested.id })}</span>
          ) : (
            can.suggest &&
            offersFix(flag) && (
              <button type="button" className="tool flag-suggest" disabled={busy} onClick={() => onSuggest(flag)}>
                {flag.replacement ? t("flags.suggest", { replacement: flag.replacement }) : t("flags.suggestDelete")}
              </button>
            )
          )}
          {can.review && !dismissing && (
            <button type="button" className="tool flag-dismiss" disabled={busy} onClick={() => setDismissing(true)}>
              {t("flags.dismiss")}
            </button>
          )}
          {dismissing && (
            <form
              className="flag-dismiss-form"
              onSubmit={(e) => {
                e.preventDefault();
                void dismiss();
              }}
            >
              <label>
                {t("flags.reason")}
                <input autoFocus required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="submit" className="tool" disabled={busy || !reason.trim()}>
                {t("flags.confirmDismiss")}
              </button>
              <button type="button" className="tool" onClick={() => setDismissing(false)}>
                {t("flags.cancel")}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="inline-note error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

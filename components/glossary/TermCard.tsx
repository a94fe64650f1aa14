"use client";
/// The card of a term occurrence: the term and its status, its translations, the definitions
/// and notes, how often it occurs here and in the corpus, and, when the glossary flags it, the
/// fix it suggests, one click away from a prefilled suggestion.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { offersFix, type FlagView } from "@/lib/flags/view";
import type { TermMatch } from "@/lib/glossary/match";
import type { Lang, TermEntry } from "@/lib/glossary/model";
import { flagMessage } from "../checks/labels";

export interface TermCardProps {
  match: TermMatch;
  entry: TermEntry;
  /// The check flags on this occurrence (the glossary rules' among them).
  flags: FlagView[];
  counts: { document: number; corpus: number };
  /// Where to show the card (page coordinates of the term's box).
  at: { left: number; top: number };
  onClose(): void;
  /// Offered for a flag with a replacement in the French text, to correctors.
  onSuggest?(flag: FlagView): void;
}

export function TermCard({ match, entry, flags, counts, at, onClose, onSuggest }: TermCardProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const other: Lang = match.lang === "fr" ? "en" : "fr";
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node) && !(e.target as HTMLElement).closest?.(".term")) onClose();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("mousedown", onDown);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("mousedown", onDown);
    };
  }, [onClose]);
  const section = (lang: Lang) => entry.langs[lang];
  return (
    <div ref={ref} className="term-card" role="dialog" aria-label={t("terms.cardLabel", { term: match.term })} style={{ left: at.left, top: at.top }} data-entry={entry.id}>
      <p className="term-card-head" lang={match.lang}>
        <strong>{match.term}</strong> <span className={`badge status-${match.status}`}>{t(`terms.status.${match.status}`)}</span>
      </p>
      {/* The fix comes first: it is what a corrector opened the card for, and it must not fall below the fold. */}
      {flags.map((f, i) => (
        <div key={i} className="term-flag" role="note">
          <p>{flagMessage(t, f)}</p>
          {onSuggest && offersFix(f) && (
            <button type="button" onClick={() => onSuggest(f)}>
              {t("terms.suggestFix", { replacement: f.replacement })}
            </button>
          )}
        </div>
      ))}
      <dl>
        <dt>{t("terms.translations", { lang: t(`langName.${other}`) })}</dt>
        <dd lang={other}>
          {(section(other)?.terms ?? []).map((term, i) => (
            <span key={i} className="translation">
              {term.text} <span className="muted">({t(`terms.status.${term.status}`)})</span>
            </span>
          ))}
        </dd>
        {(["fr", "en"] as const).map((lang) =>
          section(lang)?.definition ? (
            <div key={lang}>
              <dt>{t("terms.definition", { lang: t(`langName.${lang}`) })}</dt>
              <dd lang={lang}>{section(lang)!.definition}</dd>
            </div>
          ) : null,
        )}
        {[entry.note, ...(section(match.lang)?.notes ?? [])].filter(Boolean).length > 0 && (
          <>
            <dt>{t("terms.notes")}</dt>
            {[entry.note, ...(section(match.lang)?.notes ?? [])].filter(Boolean).map((n, i) => (
              <dd key={i}>{n}</dd>
            ))}
          </>
        )}
        <dt>{t("terms.occurrences")}</dt>
        <dd>{t("terms.counts", { document: t("terms.occurrenceCount", { count: counts.document }), corpus: t("terms.occurrenceCount", { count: counts.corpus }) })}</dd>
      </dl>
      <p className="term-card-foot">
        <Link href={`/glossary/${entry.id}`}>{t("terms.openEntry")}</Link>
        <button type="button" className="link-button" onClick={onClose}>
          {t("corrections.close")}
        </button>
      </p>
    </div>
  );
}

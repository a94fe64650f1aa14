"use client";
/// The tools a reviewer repairs the current bead with: merge it with the next, split it, move a
/// paragraph at its edge into the bead above or below, mark a paragraph as having no
/// counterpart; and the alignment's history, where any change can be reverted. Every change is
/// stored with its author and sent live to every viewer (the document's event stream).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AlignedBead, AlignmentEdit, Lang } from "@/lib/corpus/alignment";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";
import { AlignmentHistory } from "./AlignmentHistory";

export function BeadTools({ slug, beads, index, onChanged }: { slug: string; beads: AlignedBead[]; index: number; onChanged?(beads: AlignedBead[]): void }) {
  const { t } = useTranslation();
  const { busy, message, run } = useApiAction();
  const [history, setHistory] = useState(false);
  const bead = beads[index];
  if (!bead) return null;
  const url = `/api/documents/${encodeURIComponent(slug)}/alignment`;
  const edit = async (e: AlignmentEdit) => {
    const answer = await run<{ beads: AlignedBead[] }>(url, "POST", e);
    if (answer.ok && answer.body) onChanged?.(answer.body.beads);
  };
  const splittable = bead.fr.length > 1 || bead.en.length > 1;
  const paragraphTools = (lang: Lang) =>
    bead[lang].map((p, k) => {
      const n = bead[lang].length;
      const alone = n === 1 && bead[lang === "fr" ? "en" : "fr"].length === 0;
      const name = t(`alignment.${lang}Paragraph`, { number: p + 1 });
      return (
        <span key={`${lang}-${p}`} className="paragraph-tools" data-lang={lang} data-paragraph={p}>
          <span className="paragraph-name">{name}</span>
          {k === 0 && index > 0 && (
            <button type="button" className="tool move-up" disabled={busy} aria-label={t("alignment.moveUpLabel", { name })} title={t("alignment.moveUpLabel", { name })} onClick={() => edit({ kind: "move", lang, paragraph: p, direction: "up" })}>
              ↑
            </button>
          )}
          {k === n - 1 && index < beads.length - 1 && (
            <button type="button" className="tool move-down" disabled={busy} aria-label={t("alignment.moveDownLabel", { name })} title={t("alignment.moveDownLabel", { name })} onClick={() => edit({ kind: "move", lang, paragraph: p, direction: "down" })}>
              ↓
            </button>
          )}
          {!alone && (
            <button type="button" className="tool detach" disabled={busy} aria-label={t("alignment.detachLabel", { name })} title={t("alignment.detachLabel", { name })} onClick={() => edit({ kind: "detach", lang, paragraph: p })}>
              {t("alignment.detach")}
            </button>
          )}
        </span>
      );
    });
  return (
    <div className="bead-tools" role="group" aria-label={t("alignment.toolsLabel")} data-not-text>
      <div className="bead-actions">
        <span className="bead-kind">{t("alignment.beadKind", { fr: bead.fr.length, en: bead.en.length })}</span>
        {index < beads.length - 1 && (
          <button type="button" className="tool merge" disabled={busy} onClick={() => edit({ kind: "merge", bead: index })}>
            {t("alignment.merge")}
          </button>
        )}
        {splittable && (
          <button type="button" className="tool split" disabled={busy} onClick={() => edit({ kind: "split", bead: index, fr: Math.min(1, bead.fr.length), en: Math.min(1, bead.en.length) })}>
            {t("alignment.split")}
          </button>
        )}
        <button type="button" className="tool" aria-expanded={history} onClick={() => setHistory(!history)}>
          {t("alignment.history")}
        </button>
        <Notice message={message} inline />
      </div>
      <div className="bead-paragraphs">
        {paragraphTools("fr")}
        {paragraphTools("en")}
      </div>
      {history && <AlignmentHistory slug={slug} version={beads} onChanged={onChanged} />}
    </div>
  );
}

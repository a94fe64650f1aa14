"use client";
/// The alignment's history, newest first: who changed which beads, when, and how (the beads
/// before and after); a change not yet reverted can be reverted, as a new change.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AlignedBead, AlignmentChangeView } from "@/lib/corpus/alignment";
import { callApi } from "../api";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

/// A bead as people write it: "FR 3–4 · EN 3" (paragraphs counted from 1).
export function beadLabel(b: AlignedBead, none: string): string {
  const side = (lang: string, xs: number[]) => (xs.length === 0 ? `${lang} ${none}` : xs.length === 1 ? `${lang} ${xs[0] + 1}` : `${lang} ${xs[0] + 1}–${xs[xs.length - 1] + 1}`);
  return `${side("FR", b.fr)} · ${side("EN", b.en)}`;
}

export function AlignmentHistory({ slug, version, onChanged }: { slug: string; version: unknown; onChanged?(beads: AlignedBead[]): void }) {
  const { t, i18n } = useTranslation();
  const [changes, setChanges] = useState<AlignmentChangeView[] | null>(null);
  const { busy, message, run } = useApiAction();
  const base = `/api/documents/${encodeURIComponent(slug)}/alignment`;
  const load = useCallback(async () => {
    const answer = await callApi<{ history: AlignmentChangeView[] }>(base, "GET");
    if (answer.ok && answer.body) setChanges(answer.body.history);
  }, [base]);
  useEffect(() => {
    void load();
  }, [load, version]);
  const revert = async (id: number) => {
    const answer = await run<{ beads: AlignedBead[] }>(`${base}/changes/${id}/revert`, "POST", {}, () => t("alignment.reverted"));
    if (answer.ok && answer.body) onChanged?.(answer.body.beads);
    await load();
  };
  const none = t("alignment.none");
  return (
    <section className="alignment-history" aria-label={t("alignment.history")}>
      <Notice message={message} inline />
      {changes === null ? (
        <p className="muted">{t("alignment.loading")}</p>
      ) : changes.length === 0 ? (
        <p className="muted">{t("alignment.noChanges")}</p>
      ) : (
        <ol>
          {changes.map((c) => (
            <li key={c.id} data-change={c.id} data-kind={c.kind}>
              <span className="what">{t(`alignment.kind.${c.kind}`)}</span>{" "}
              <span className="who">{t("alignment.byAt", { name: c.by, at: new Date(c.at).toLocaleString(i18n.language) })}</span>
              <span className="beads">
                {c.window.before.map((b) => beadLabel(b, none)).join(" + ")} → {c.window.after.map((b) => beadLabel(b, none)).join(" + ")}
              </span>
              {c.revertedBy !== null ? (
                <span className="muted">{t("alignment.wasReverted")}</span>
              ) : (
                c.kind !== "revert" && (
                  <button type="button" className="tool revert" disabled={busy} onClick={() => revert(c.id)}>
                    {t("alignment.revert")}
                  </button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

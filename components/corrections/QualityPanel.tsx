"use client";
/// The document's quality score: accepted errors by category and severity, and the MQM-style
/// penalty per 1,000 words. Refreshed whenever a change is accepted or reverted.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { MQM_CATEGORIES, SEVERITIES } from "@/lib/corrections/categories";
import { formatScore } from "@/lib/corrections/quality";
import type { DocumentQuality } from "@/lib/corrections/views";
import { callApi } from "../api";

/// `openFlags`: the checks' open flags by category, shown beside the accepted errors.
export function QualityPanel({ slug, initial, version, openFlags = {} }: { slug: string; initial: DocumentQuality; version: number; openFlags?: Record<string, number> }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(initial);
  useEffect(() => {
    if (version === 0) return;
    void callApi<{ quality: DocumentQuality }>(`/api/documents/${encodeURIComponent(slug)}/quality`, "GET").then((a) => a.ok && a.body && setQ(a.body.quality));
  }, [slug, version]);
  const rows = MQM_CATEGORIES.filter((c) => SEVERITIES.some((s) => q.counts[c][s] > 0) || openFlags[c]);
  return (
    <section className="quality-panel" aria-labelledby="quality-title">
      <h2 id="quality-title">{t("quality.title")}</h2>
      <p className="score">
        <strong data-testid="penalty-per-1000">{formatScore(q.perThousandWords, i18n.language)}</strong> {t("quality.perThousand")}
        <span className="muted">
          {" "}
          — {t("quality.summary", { errors: t("quality.errors", { count: q.total }), penalty: t("quality.points", { count: q.penalty }), words: t("quality.words", { count: q.words }) })}
        </span>
      </p>
      <p className="muted">{t("quality.weights", q.weights)}</p>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table quality">
            <thead>
              <tr>
                <th scope="col">{t("quality.category")}</th>
                {SEVERITIES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`severities.${s}`)}
                  </th>
                ))}
                <th scope="col" className="open-flags">{t("flags.qualityColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`categories.${c.replace("/", "_")}`)}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s}>{q.counts[c][s] || ""}</td>
                  ))}
                  <td className="open-flags">{openFlags[c] || ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

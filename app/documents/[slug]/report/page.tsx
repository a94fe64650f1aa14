import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreChart } from "@/components/reports/ScoreChart";
import { can } from "@/lib/auth/roles";
import { MQM_CATEGORIES, SEVERITIES } from "@/lib/corrections/categories";
import { correctorReports, scoreOverTime, type CorrectorReport } from "@/lib/reports/corrections";
import { requirePagePermission } from "@/server/auth/request";
import { documentIdBySlug } from "@/server/documents";
import { requestTranslation } from "@/server/i18n";
import { reportData } from "@/server/reports";
import { readSettings } from "@/server/settings";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("reports.title") };
}

/// A document's quality report: its MQM score over time, and per corrector the suggestions
/// made, accepted and rejected (with the reasons), by category, severity and day. Reviewers and
/// admins see every corrector; a corrector sees their own figures.
export default async function ReportPage({ params }: Props) {
  const { slug } = await params;
  const { db, user } = await requirePagePermission("suggest", `/documents/${slug}/report`);
  const [{ t, lang }, documentId] = await Promise.all([requestTranslation(), documentIdBySlug(db.kysely, slug)]);
  if (documentId === null) notFound();
  const seesAll = !!user && can(user.role, "review");
  const [data, settings] = await Promise.all([reportData(db.kysely, documentId), readSettings(db.kysely)]);
  const points = scoreOverTime(data.suggestions, data.words, settings.mqmWeights, data.since);
  const reports = correctorReports(seesAll ? data.suggestions : data.suggestions.filter((s) => s.authorName === user?.name));
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  const columns = ["made", "accepted", "rejected", "open", "stale"] as const;
  const outcomeCells = (o: CorrectorReport["totals"]) => columns.map((c) => <td key={c}>{o[c]}</td>);
  const outcomeHead = columns.map((c) => (
    <th key={c} scope="col">
      {t(`reports.${c}`)}
    </th>
  ));
  const outcomeTable = (caption: string, rowHead: string, rows: Array<{ key: string; label: string; outcomes: CorrectorReport["totals"] }>) => (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHead}</th>
            {outcomeHead}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              {outcomeCells(row.outcomes)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="page report">
      <p className="breadcrumb">
        <Link href={`/documents/${encodeURIComponent(slug)}`}>← {t("reports.backToDocument")}</Link>
      </p>
      <h1>{t("reports.title")}</h1>
      <section aria-labelledby="score-title">
        <h2 id="score-title">{t("reports.scoreTitle")}</h2>
        <p className="muted">{t("reports.scoreHelp", { weights: `${number.format(settings.mqmWeights.minor)} / ${number.format(settings.mqmWeights.major)} / ${number.format(settings.mqmWeights.critical)}` })}</p>
        <ScoreChart
          points={points}
          now={new Date().toISOString()}
          lang={lang}
          labels={{
            title: t("reports.scoreTitle"),
            yAxis: t("reports.perThousand"),
            empty: t("reports.noScore"),
            when: t("reports.when"),
            score: t("reports.perThousand"),
            errors: t("reports.errors"),
          }}
        />
      </section>
      <section aria-labelledby="correctors-title">
        <h2 id="correctors-title">{t("reports.correctorsTitle")}</h2>
        {!seesAll && <p className="muted">{t("reports.ownOnly")}</p>}
        {reports.length === 0 ? (
          <p>{t("reports.noSuggestions")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table report-totals">
              <thead>
                <tr>
                  <th scope="col">{t("reports.corrector")}</th>
                  {outcomeHead}
                  <th scope="col">{t("reports.acceptance")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.name} data-corrector={r.name}>
                    <th scope="row">
                      <a href={`#corrector-${encodeURIComponent(r.name)}`}>{r.name}</a>
                    </th>
                    {outcomeCells(r.totals)}
                    <td>{r.acceptanceRate === null ? "—" : percent.format(r.acceptanceRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {reports.map((r) => (
          <article key={r.name} id={`corrector-${encodeURIComponent(r.name)}`} className="corrector-report" data-corrector={r.name}>
            <h3>{r.name}</h3>
            <div className="report-grid">
              {outcomeTable(
                t("reports.byCategory"),
                t("quality.category"),
                MQM_CATEGORIES.flatMap((c) => (r.byCategory[c] ? [{ key: c, label: t(`categories.${c.replace("/", "_")}`), outcomes: r.byCategory[c]! }] : [])),
              )}
              {outcomeTable(
                t("reports.bySeverity"),
                t("editor.severity"),
                SEVERITIES.flatMap((s) => (r.bySeverity[s] ? [{ key: s, label: t(`severities.${s}`), outcomes: r.bySeverity[s]! }] : [])),
              )}
              <div className="table-wrap">
                <table className="data-table">
                  <caption>{t("reports.overTime")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.day")}</th>
                      <th scope="col">{t("reports.made")}</th>
                      <th scope="col">{t("reports.accepted")}</th>
                      <th scope="col">{t("reports.rejected")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.days.map((d) => (
                      <tr key={d.day}>
                        <th scope="row">
                          <time dateTime={d.day}>{when.format(new Date(`${d.day}T00:00:00Z`))}</time>
                        </th>
                        <td>{d.made}</td>
                        <td>{d.accepted}</td>
                        <td>{d.rejected}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <h4>{t("reports.rejections")}</h4>
            {r.rejections.length === 0 ? (
              <p className="muted">{t("reports.noRejections")}</p>
            ) : (
              <ul className="rejections">
                {r.rejections.map((x) => (
                  <li key={x.id}>
                    <Link href={`/documents/${encodeURIComponent(slug)}#s-${x.id}`}>#{x.id}</Link> ({t(`categories.${x.category.replace("/", "_")}`, { defaultValue: x.category })})
                    {x.by ? ` — ${t("reports.rejectedBy", { name: x.by })}` : ""}
                    {t("reports.because", { reason: x.reason })}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>
    </div>
  );
}

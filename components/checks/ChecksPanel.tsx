"use client";
/// The document's flags at a glance: counts by category and by rule (each a filter), the
/// matching flags in reading order (each a link to its place in the text), the rules switched
/// on for this document (reviewers change them), and where the Grammalecte pass stands.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { countBy, filterFlags, openFlags, type DocumentChecks, type FlagFilter, type FlagView, type RuleState } from "@/lib/flags/view";
import { callApi } from "../api";
import "./checks.css";
import { categoryLabel, flagItemId, flagMessage, quoteOf, ruleLabel } from "./labels";

/// At most this many flags are listed at once (filters narrow the rest down).
const LIST_LIMIT = 200;

export interface ChecksPanelProps {
  slug: string;
  checks: DocumentChecks;
  enabled: ReadonlySet<string>;
  /// The text of each paragraph by id (to quote the flagged words).
  textOf(paragraphId: number): string;
  canReview: boolean;
  /// Told the document's rules as the server answers a switch (the event follows for others).
  onRules(rules: RuleState[]): void;
}

function jump(flag: FlagView) {
  const item = document.getElementById(flagItemId(flag.key));
  item?.scrollIntoView({ block: "center" });
  item?.focus();
}

export function ChecksPanel({ slug, checks, enabled, textOf, canReview, onRules }: ChecksPanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FlagFilter>({});
  const [error, setError] = useState<string | null>(null);
  const open = useMemo(() => openFlags(checks.paragraphs, enabled), [checks.paragraphs, enabled]);
  const dismissedCount = useMemo(() => checks.paragraphs.reduce((n, p) => n + p.flags.filter((f) => enabled.has(f.rule) && f.dismissal).length, 0), [checks.paragraphs, enabled]);
  const listed = useMemo(() => filterFlags(checks.paragraphs, enabled, filter), [checks.paragraphs, enabled, filter]);
  const byCategory = [...countBy(open, "category")].sort((a, b) => b[1] - a[1]);
  const byRule = [...countBy(open, "rule")].sort((a, b) => b[1] - a[1]);
  const job = checks.job;

  async function switchRule(rule: string, on: boolean) {
    setError(null);
    const a = await callApi<{ rules: RuleState[] }>(`/api/documents/${encodeURIComponent(slug)}/checks/rules`, "PUT", { rule, enabled: on });
    if (!a.ok) setError(a.body?.error?.message ?? t("errors.generic"));
    else if (a.body) onRules(a.body.rules);
  }

  const chip = (kind: "category" | "rule", value: string, count: number) => (
    <button
      key={value}
      type="button"
      className="flag-chip"
      aria-pressed={filter[kind] === value}
      onClick={() => setFilter((f) => ({ ...f, [kind]: f[kind] === value ? undefined : value }))}
    >
      {kind === "category" ? categoryLabel(t, value) : <span title={value}>{ruleLabel(t, value)}</span>} <span className="count">{count}</span>
    </button>
  );

  return (
    <section className="checks-panel" id="flags-panel" aria-labelledby="checks-title">
      <h2 id="checks-title">{t("flags.title")}</h2>
      <p className={`checks-job job-${job.status}`} role="status" data-job={job.status}>
        {job.status === "running" ? (
          <>
            {t("flags.job.running", { progress: t("flags.job.progress", { done: job.done, count: job.total }) })} <progress max={job.total} value={job.done} />
          </>
        ) : (
          t(`flags.job.${job.status}`)
        )}
      </p>
      <p className="checks-summary">
        <strong data-testid="open-flags">{t("flags.openTotal", { count: open.length })}</strong>
        {dismissedCount > 0 && <span className="muted"> — {t("flags.dismissedTotal", { count: dismissedCount })}</span>}
      </p>
      {(byCategory.length > 0 || dismissedCount > 0) && (
        <div className="checks-filters">
          <div role="group" aria-label={t("flags.byCategory")}>
            <span className="filter-label">{t("flags.byCategory")}</span>
            {byCategory.map(([c, n]) => chip("category", c, n))}
          </div>
          <div role="group" aria-label={t("flags.byRule")}>
            <span className="filter-label">{t("flags.byRule")}</span>
            {byRule.map(([r, n]) => chip("rule", r, n))}
          </div>
          <label className="show-dismissed">
            <input type="checkbox" checked={!!filter.dismissed} onChange={(e) => setFilter((f) => ({ ...f, dismissed: e.target.checked }))} />{" "}
            {t("flags.showDismissed")}
          </label>
        </div>
      )}
      {listed.length === 0 ? (
        <p className="muted">{t("flags.none")}</p>
      ) : (
        <ol className="checks-flags">
          {listed.slice(0, LIST_LIMIT).map((f) => (
            <li key={f.key} data-rule={f.rule}>
              <a
                href={`#p-${f.paragraph + 1}`}
                onClick={(e) => {
                  e.preventDefault();
                  jump(f);
                }}
              >
                {t("flags.paragraph", { number: f.paragraph + 1 })}
              </a>{" "}
              <FlagLine text={textOf(f.paragraphId)} flag={f} />
              {f.dismissal && <span className="muted"> — {t("flags.dismissedShort", { name: f.dismissal.author, reason: f.dismissal.reason })}</span>}
            </li>
          ))}
          {listed.length > LIST_LIMIT && <li className="muted">{t("flags.more", { count: listed.length - LIST_LIMIT })}</li>}
        </ol>
      )}
      <details className="checks-rules">
        <summary>{t("flags.rules.title", { count: checks.rules.filter((r) => r.enabled).length, total: checks.rules.length })}</summary>
        {error && (
          <p className="inline-note error" role="alert">
            {error}
          </p>
        )}
        <ul>
          {checks.rules.map((r) => {
            const unavailable = r.engine === "grammalecte" && job.status === "unavailable";
            return (
              <li key={r.id}>
                <label>
                  <input type="checkbox" checked={r.enabled} disabled={!canReview || unavailable} onChange={(e) => void switchRule(r.id, e.target.checked)} /> {ruleLabel(t, r.id)}
                </label>{" "}
                <span className="muted">
                  <code>{r.id}</code>, {categoryLabel(t, r.category)}, {t(`severities.${r.severity}`)}
                  {!r.defaultOn && `, ${t("flags.rules.defaultOff")}`}
                  {unavailable && `, ${t("flags.rules.unavailable")}`}
                  {r.changedBy && `, ${t("flags.rules.changedBy", { name: r.changedBy })}`}
                </span>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}

/// A flag in the panel's list: the flagged words (unless the message quotes them) and the message.
function FlagLine({ text, flag }: { text: string; flag: FlagView }) {
  const { t } = useTranslation();
  const words = quoteOf(text, flag);
  const message = flagMessage(t, flag);
  return (
    <>
      {words && !message.includes(words) && (
        <>
          <q lang="fr">{words}</q>{" "}
        </>
      )}
      <span className="flag-message">{message}</span>
    </>
  );
}

/// The toolbar's way to the panel: how many flags are open.
export function FlagsLink({ checks, enabled }: { checks: DocumentChecks; enabled: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const count = useMemo(() => openFlags(checks.paragraphs, enabled).length, [checks.paragraphs, enabled]);
  return (
    <a className="flags-link" href="#flags-panel">
      {t("flags.toolbar", { count })}
    </a>
  );
}

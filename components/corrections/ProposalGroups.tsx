"use client";
/// The grouped proposals of a document ("the same fix in N places"): for each accepted fix the
/// app offered elsewhere, the change once, whose fix it was, and its places in this document,
/// each with a link to its paragraph; a reviewer accepts or rejects them all at once or place by
/// place. Also the line that says who proposed a suggestion of such a group.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PROPOSER } from "@/lib/corrections/proposal";
import type { SuggestionView } from "@/lib/corrections/views";
import { Notice } from "../Notice";
import { paragraphAnchor } from "../reader/Reader";
import { useApiAction } from "../useApiAction";
import { ChangeMarks } from "./ChangeMarks";
import { proposalGroups, type ProposalGroup } from "./proposals";
import { RejectForm } from "./RejectForm";

/// "Proposed by Vis-à-vis from fix #N, by alice": in place of a suggestion card's byline when the
/// app proposed it.
export function ProposedBy({ suggestion: s }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  if (s.sameFixAs === null) return null;
  return (
    <span className="byline proposed-by">
      {s.sameFixBy
        ? t("scale.proposedByCredit", { app: PROPOSER, id: s.sameFixAs, author: s.sameFixBy })
        : t("scale.proposedBy", { app: PROPOSER, id: s.sameFixAs })}
    </span>
  );
}

/// `open` is the document's open suggestions in reading order; `rows` its paragraphs (for the
/// words around each place).
export function ProposalGroups({ slug, open, rows, canReview }: { slug: string; open: SuggestionView[]; rows: { paragraphId: number; fr: string }[]; canReview: boolean }) {
  const { t } = useTranslation();
  const groups = proposalGroups(open);
  if (groups.length === 0) return null;
  return (
    <section className="proposal-groups" aria-label={t("scale.proposalsLabel")}>
      {groups.map((g) => (
        <Group key={g.fix} slug={slug} group={g} textOf={(id) => rows.find((r) => r.paragraphId === id)?.fr ?? ""} canReview={canReview} />
      ))}
    </section>
  );
}

function Group({ slug, group, textOf, canReview }: { slug: string; group: ProposalGroup; textOf(paragraphId: number): string; canReview: boolean }) {
  const { t } = useTranslation();
  const { busy, message, run } = useApiAction();
  const [rejecting, setRejecting] = useState(false);
  const base = `/api/documents/${encodeURIComponent(slug)}/suggestions`;
  const first = group.places[0];
  const ids = group.places.map((p) => p.id);
  const done = (b: { results: { ok: boolean }[] }) =>
    t("corrections.bulkDone", { ok: b.results.filter((r) => r.ok).length, failed: b.results.filter((r) => !r.ok).length });

  return (
    <details className="proposal-group" data-proposal={group.fix}>
      <summary>
        <span className="proposal-title">{t("scale.sameFixIn", { count: group.places.length })}</span>{" "}
        <span lang="fr" className="proposal-change">
          <ChangeMarks deleted={first.deleted} inserted={first.inserted} />
        </span>{" "}
        <ProposedBy suggestion={first} />
      </summary>
      {canReview && (
        <div className="card-actions">
          <button type="button" className="accept-all" disabled={busy} onClick={() => run(`${base}/bulk`, "POST", { action: "accept", ids }, done)}>
            {t("scale.acceptAll", { count: ids.length })}
          </button>
          <button type="button" className="reject-all" disabled={busy} aria-expanded={rejecting} onClick={() => setRejecting((r) => !r)}>
            {t("scale.rejectAll", { count: ids.length })}
          </button>
        </div>
      )}
      {rejecting && (
        <RejectForm
          busy={busy}
          onReject={async (reason) => {
            if ((await run(`${base}/bulk`, "POST", { action: "reject", ids, reason }, done)).ok) setRejecting(false);
          }}
        />
      )}
      <ol className="proposal-places">
        {group.places.map((p) => {
          const text = textOf(p.paragraphId);
          return (
            <li key={p.id} data-suggestion={p.id}>
              <a href={`#${paragraphAnchor(p.paragraph)}`}>{t("scale.paragraph", { number: p.paragraph + 1 })}</a>{" "}
              <span className="proposal-context" lang="fr">
                {p.start > 30 && "…"}
                {text.slice(Math.max(0, p.start - 30), p.start)}
                <ChangeMarks deleted={p.deleted} inserted={p.inserted} />
                {text.slice(p.end, p.end + 30)}
                {p.end + 30 < text.length && "…"}
              </span>
              {canReview && (
                <button type="button" className="accept" disabled={busy} onClick={() => run(`${base}/${p.id}/accept`, "POST", {})}>
                  {t("corrections.accept")}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <Notice message={message} />
    </details>
  );
}

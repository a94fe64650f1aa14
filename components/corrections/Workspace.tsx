"use client";
/// The document page for people who correct: the aligned reader with each French paragraph's
/// open suggestions drawn in the text and listed under it, the editor that turns a corrected
/// draft into suggestions, history, bulk review, the quality score, and everything kept live.
///
/// Keys (outside text fields): e opens the editor on the current paragraph; n / p move to the
/// next / previous open suggestion; a accepts and r rejects the focused one; h shows history.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Fix } from "@/lib/corrections/draft";
import { isMqmCategory, type MqmCategory, type Severity } from "@/lib/corrections/categories";
import { offersFix, type DocumentChecks, type FlagView } from "@/lib/flags/view";
import type { TermMatch } from "@/lib/glossary/match";
import type { DocumentQuality } from "@/server/corrections/quality";
import type { DocumentTerms } from "@/server/glossary/document-terms";
import type { SuggestionView } from "@/server/corrections/views";
import { callApi } from "../api";
import { Notice } from "../Notice";
import { ChecksPanel, FlagsLink } from "../checks/ChecksPanel";
import { FlagList } from "../checks/FlagList";
import { useChecks } from "../checks/useChecks";
import { TermCard } from "../glossary/TermCard";
import { isTyping, Reader, type ReaderRow } from "../reader/Reader";
import type { ReaderLayout } from "../reader/layouts";
import { useApiAction } from "../useApiAction";
import { HistoryPanel } from "./HistoryPanel";
import { MarkedText } from "./MarkedText";
import { QualityPanel } from "./QualityPanel";
import { SuggestionCard } from "./SuggestionCard";
import { SuggestionEditor, type SuggestionMeta } from "./SuggestionEditor";
import { useDocumentEvents } from "./useDocumentEvents";
import { applyEvent, initialState, openSuggestionsOf, viewersOf, type WorkspaceEvent, type WorkspaceRow } from "./workspaceState";

export interface WorkspacePermissions {
  suggest: boolean;
  comment: boolean;
  review: boolean;
  revert: boolean;
}

export interface WorkspaceProps {
  slug: string;
  rows: WorkspaceRow[];
  suggestions: SuggestionView[];
  lastEventId: number;
  quality: DocumentQuality;
  terms: DocumentTerms;
  checks: DocumentChecks;
  initialLayout: ReaderLayout;
  me: string | null;
  can: WorkspacePermissions;
}

const TERMS_KEY = "vv-show-terms";

export function Workspace({ slug, rows, suggestions, lastEventId, quality, terms: initialTerms, checks: initialChecks, initialLayout, me, can }: WorkspaceProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(applyEvent, undefined, () => initialState(rows, suggestions));
  const [qualityVersion, bumpQuality] = useReducer((n: number) => n + 1, 0);
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ text: string; category: MqmCategory; severity?: Severity; note?: string } | null>(null);
  const checks = useChecks(slug, initialChecks);
  const [terms, setTerms] = useState(initialTerms);
  const [showTerms, setShowTerms] = useState(true);
  const [card, setCard] = useState<{ match: TermMatch; position: number; at: { left: number; top: number } } | null>(null);
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const bulk = useApiAction();
  const base = `/api/documents/${encodeURIComponent(slug)}`;

  // Whether terms are underlined is the reader's choice, kept in this browser.
  useEffect(() => setShowTerms(localStorage.getItem(TERMS_KEY) !== "off"), []);
  const toggleTerms = () => {
    localStorage.setItem(TERMS_KEY, showTerms ? "off" : "on");
    setShowTerms(!showTerms);
    setCard(null);
  };

  const onEvent = useCallback(
    (event: Parameters<Parameters<typeof useDocumentEvents>[2]>[0]) => {
      if (checks.onEvent(event)) return;
      event = event as WorkspaceEvent;
      dispatch(event);
      if (event.type === "suggestion.accepted" || event.type === "revision.reverted") {
        bumpQuality();
        // The text changed: its terms too (its flags come as an event of their own).
        void callApi<{ terms: DocumentTerms }>(`${base}/terms`, "GET").then((a) => a.ok && a.body && setTerms(a.body.terms));
      }
    },
    [base, checks],
  );
  const live = useDocumentEvents(slug, lastEventId, onEvent);

  // Presence: say which paragraph this user looks at, again every 20 s; forget silent viewers.
  const currentRef = useRef<number | null>(null);
  currentRef.current = current;
  useEffect(() => {
    if (!me) return;
    void callApi(`${base}/presence`, "POST", { paragraph: current });
  }, [me, base, current]);
  useEffect(() => {
    const beat = setInterval(() => {
      if (me) void callApi(`${base}/presence`, "POST", { paragraph: currentRef.current });
      tick();
    }, 20_000);
    return () => clearInterval(beat);
  }, [me, base]);

  const open = useMemo(() => Object.values(state.suggestions).filter((s) => s.status === "open"), [state.suggestions]);
  const ordered = useMemo(() => {
    const pos = new Map(state.rows.map((r) => [r.paragraphId, r.position]));
    return open.slice().sort((a, b) => (pos.get(a.paragraphId) ?? 0) - (pos.get(b.paragraphId) ?? 0) || a.start - b.start || a.id - b.id);
  }, [open, state.rows]);

  const focusSuggestion = useCallback((id: number) => {
    setFocused(id);
    requestAnimationFrame(() => document.getElementById(`s-${id}`)?.focus());
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || editing !== null) return;
      if (e.key === "Escape") setCard(null);
      const index = focused === null ? -1 : ordered.findIndex((s) => s.id === focused);
      if (e.key === "e" && can.suggest && current !== null) {
        e.preventDefault();
        setEditing(current);
      } else if (e.key === "h" && current !== null) {
        e.preventDefault();
        setHistoryOf((h) => (h === current ? null : current));
      } else if ((e.key === "n" || e.key === "p") && ordered.length) {
        e.preventDefault();
        const next = e.key === "n" ? (index + 1) % ordered.length : (index - 1 + ordered.length) % ordered.length;
        focusSuggestion(ordered[next < 0 ? ordered.length - 1 : next].id);
      } else if ((e.key === "a" || e.key === "r") && can.review && focused !== null && index >= 0) {
        e.preventDefault();
        const card = document.getElementById(`s-${focused}`);
        card?.querySelector<HTMLButtonElement>(e.key === "a" ? "button.accept" : "button.reject")?.click();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [can, current, editing, focused, focusSuggestion, ordered]);

  async function submitSuggestion(row: WorkspaceRow, fixes: Fix[], meta: SuggestionMeta): Promise<string | null> {
    const answer = await callApi<{ suggestions: SuggestionView[] }>(`${base}/suggestions`, "POST", {
      paragraphId: row.paragraphId,
      baseRevision: row.revision,
      fixes,
      ...meta,
    });
    if (!answer.ok) return answer.body?.error?.message ?? t("errors.generic");
    dispatch({ type: "suggestions.created", data: { suggestions: answer.body!.suggestions } });
    setEditing(null);
    setDraft(null);
    return null;
  }

  function pickTerm(match: TermMatch, position: number, element: HTMLElement) {
    const box = element.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 368));
    setCard({ match, position, at: { left, top: box.bottom + window.scrollY + 6 } });
  }

  /// Opens the editor on the flagged paragraph with the flag's fix already typed in, and the
  /// rule's category and severity chosen.
  function suggestFix(flag: FlagView) {
    const row = state.rows.find((r) => r.paragraphId === flag.paragraphId);
    if (!row || !offersFix(flag) || row.revision !== flag.revision) return;
    setCard(null);
    setDraft({
      text: row.fr.slice(0, flag.start) + flag.replacement! + row.fr.slice(flag.end),
      category: isMqmCategory(flag.category) ? flag.category : "style",
      severity: flag.severity,
      note: t("flags.note", { rule: flag.rule }),
    });
    setEditing(row.position);
  }

  const flagsAt = (position: number, lang: "fr" | "en") => {
    const r = byPosition.get(position);
    return lang === "fr" && r ? checks.flagsOf(r.paragraphId, r.revision).filter((f) => !f.dismissal) : [];
  };
  const termDisplay = (position: number, lang: "fr" | "en") =>
    showTerms
      ? {
          matches: terms.matches[position]?.[lang] ?? [],
          flagged: new Set(flagsAt(position, lang).map((f) => f.start)),
          highlight: card && card.position === position && card.match.lang !== lang ? card.match.entry : null,
          onPick: (m: TermMatch, el: HTMLElement) => pickTerm(m, position, el),
        }
      : undefined;

  async function bulkAct(action: "accept" | "reject") {
    let reason: string | undefined;
    if (action === "reject") {
      reason = window.prompt(t("corrections.rejectReason")) ?? undefined;
      if (!reason?.trim()) return;
    }
    const ids = ordered.filter((s) => selected.has(s.id)).map((s) => s.id);
    const answer = await bulk.run<{ results: { id: number; ok: boolean; message?: string }[] }>(`${base}/suggestions/bulk`, "POST", { action, ids, reason }, (b) =>
      t("corrections.bulkDone", { ok: b.results.filter((r) => r.ok).length, failed: b.results.filter((r) => !r.ok).length }),
    );
    if (answer.ok && answer.body) {
      const failed = answer.body.results.filter((r) => !r.ok);
      setSelected(new Set(failed.map((f) => f.id)));
    }
  }

  const byPosition = new Map(state.rows.map((r) => [r.position, r]));
  const readerRows: ReaderRow[] = state.rows.map((r) => ({ position: r.position, fr: r.fr, en: r.en }));
  const now = Date.now();

  const renderFrench = (row: ReaderRow, index: number) => {
    const r = byPosition.get(row.position)!;
    if (editing === row.position) {
      return (
        <SuggestionEditor
          key={`${r.paragraphId}-${r.revision}-${draft?.text ?? ""}`}
          original={r.fr}
          initialDraft={draft?.text}
          initialCategory={draft?.category}
          initialSeverity={draft?.severity}
          initialNote={draft?.note}
          lang="fr"
          onSubmit={(fixes, meta) => submitSuggestion(r, fixes, meta)}
          onCancel={() => {
            setEditing(null);
            setDraft(null);
          }}
        />
      );
    }
    const marked = <MarkedText text={r.fr} open={openSuggestionsOf(state, r.paragraphId)} onPick={focusSuggestion} terms={termDisplay(r.position, "fr")} flags={flagsAt(r.position, "fr")} />;
    return index === 0 ? <h1>{marked}</h1> : <p>{marked}</p>;
  };

  const renderEnglish = (row: ReaderRow) => <MarkedText text={row.en} open={[]} onPick={focusSuggestion} terms={termDisplay(row.position, "en")} />;

  const renderBelow = (row: ReaderRow) => {
    const r = byPosition.get(row.position)!;
    const list = openSuggestionsOf(state, r.paragraphId);
    const viewers = viewersOf(state, row.position, me, now);
    return (
      <>
        <div className="row-tools">
          {viewers.length > 0 && (
            <span className="presence" data-viewers={viewers.join(",")}>
              {t("corrections.viewing", { names: viewers.join(", ") })}
            </span>
          )}
          {can.suggest && editing !== row.position && (
            <button
              type="button"
              className="tool"
              onClick={() => {
                setDraft(null);
                setEditing(row.position);
              }}
            >
              {t("corrections.correct")}
            </button>
          )}
          <button type="button" className="tool" aria-expanded={historyOf === row.position} onClick={() => setHistoryOf((h) => (h === row.position ? null : row.position))}>
            {t("corrections.history")}
          </button>
          {list.length > 0 && <span className="count">{t("corrections.openCount", { count: list.length })}</span>}
        </div>
        {list.length > 0 && (
          <ul className="suggestion-list" aria-label={t("corrections.listLabel", { number: row.position + 1 })}>
            {list.map((s) => (
              <SuggestionCard
                key={s.id}
                slug={slug}
                suggestion={s}
                text={r.fr}
                can={{ review: can.review, comment: can.comment }}
                selected={selected.has(s.id)}
                focused={focused === s.id}
                onSelect={(on) =>
                  setSelected((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(s.id);
                    else next.delete(s.id);
                    return next;
                  })
                }
              />
            ))}
          </ul>
        )}
        <FlagList
          slug={slug}
          number={row.position + 1}
          text={r.fr}
          flags={checks.flagsOf(r.paragraphId, r.revision)}
          open={list}
          can={{ suggest: can.suggest, review: can.review }}
          onSuggest={suggestFix}
        />
        {historyOf === row.position && (
          <HistoryPanel
            slug={slug}
            position={row.position}
            revision={r.revision}
            canRevert={can.revert}
            declined={Object.values(state.suggestions).filter((s) => s.paragraphId === r.paragraphId && (s.status === "rejected" || s.status === "stale"))}
            onClose={() => setHistoryOf(null)}
          />
        )}
      </>
    );
  };

  const toolbar = (
    <div className="review-bar">
      <span className={`live live-${live}`} role="status">
        {t(`corrections.live_${live}`)}
      </span>
      <span className="open-total">{t("corrections.openTotal", { count: ordered.length })}</span>
      <FlagsLink checks={checks.state} enabled={checks.enabled} />
      <button type="button" className="terms-toggle" aria-pressed={showTerms} onClick={toggleTerms}>
        {t("terms.show")}
      </button>
      {can.review && ordered.length > 0 && (
        <>
          <button type="button" onClick={() => setSelected(selected.size === ordered.length ? new Set() : new Set(ordered.map((s) => s.id)))}>
            {selected.size === ordered.length ? t("corrections.selectNone") : t("corrections.selectAll")}
          </button>
          <button type="button" disabled={selected.size === 0 || bulk.busy} onClick={() => bulkAct("accept")}>
            {t("corrections.acceptSelected", { count: selected.size })}
          </button>
          <button type="button" disabled={selected.size === 0 || bulk.busy} onClick={() => bulkAct("reject")}>
            {t("corrections.rejectSelected", { count: selected.size })}
          </button>
        </>
      )}
      <Notice message={bulk.message} inline />
    </div>
  );

  return (
    <>
      <Reader
        slug={slug}
        rows={readerRows}
        initialLayout={initialLayout}
        renderFrench={renderFrench}
        renderEnglish={renderEnglish}
        renderBelow={renderBelow}
        onCurrentChange={setCurrent}
        toolbar={toolbar}
      />
      {card && terms.entries[card.match.entry] && (
        <TermCard
          match={card.match}
          entry={terms.entries[card.match.entry]}
          flags={flagsAt(card.position, card.match.lang).filter((f) => f.start === card.match.start)}
          counts={{ document: terms.counts.document[card.match.entry] ?? 0, corpus: terms.counts.corpus[card.match.entry] ?? 0 }}
          at={card.at}
          onClose={() => setCard(null)}
          onSuggest={can.suggest ? suggestFix : undefined}
        />
      )}
      <ChecksPanel slug={slug} checks={checks.state} enabled={checks.enabled} textOf={(id) => state.rows.find((r) => r.paragraphId === id)?.fr ?? ""} canReview={can.review} onRules={checks.setRules} />
      <QualityPanel slug={slug} initial={quality} version={qualityVersion} openFlags={checks.openByCategory} />
    </>
  );
}

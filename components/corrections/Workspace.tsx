"use client";
/// The document page for people who correct: the aligned reader with each French paragraph's
/// open suggestions drawn in the text and listed under it, the editor that turns a corrected
/// draft into suggestions, history, bulk review, the quality score, and everything kept live.
///
/// Rows are beads (see Reader): each French paragraph of a bead keeps its own suggestions,
/// editor and history; reviewers repair the bead itself (BeadTools).
///
/// Keys (outside text fields): e opens the editor on the current row's (first) French paragraph;
/// n / p move to the next / previous open suggestion; a accepts and r rejects the focused one;
/// h shows history; c comments on the words selected in either language.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AlignedBead } from "@/lib/corpus/alignment";
import type { Fix } from "@/lib/corrections/draft";
import { isMqmCategory, type MqmCategory, type Severity } from "@/lib/corrections/categories";
import { offersFix, type DocumentChecks, type FlagView } from "@/lib/flags/view";
import type { TermMatch } from "@/lib/glossary/match";
import { threadAnchorId, type ThreadView } from "@/lib/comments/view";
import type { DocumentQuality, SuggestionView } from "@/lib/corrections/views";
import type { DocumentTerms } from "@/lib/glossary/views";
import { callApi } from "../api";
import { Notice } from "../Notice";
import { ChecksPanel, FlagsLink } from "../checks/ChecksPanel";
import { FlagList } from "../checks/FlagList";
import { useChecks } from "../checks/useChecks";
import { TermCard } from "../glossary/TermCard";
import { BeadTools } from "../alignment/BeadTools";
import { CommentComposer } from "../comments/CommentComposer";
import { clearThreads, drawThreads } from "../comments/threadHighlights";
import { ThreadList } from "../comments/ThreadList";
import { useThreads } from "../comments/useThreads";
import { isTyping, Reader, type ReaderBead, type ReaderParagraph } from "../reader/Reader";
import type { ReaderLayout } from "../reader/layouts";
import { useReadingView } from "../reader/useReadingView";
import type { ReadingView } from "../reader/views";
import { ViewSwitch } from "../reader/ViewSwitch";
import { TodoPanel } from "../todo/TodoPanel";
import { focusWhenDrawn, useItemAnchor } from "../todo/useItemAnchor";
import { caretAt, offsetIn } from "../reader/sentenceHighlight";
import { useApiAction } from "../useApiAction";
import { HistoryPanel } from "./HistoryPanel";
import { MarkedText } from "./MarkedText";
import { ProposalGroups } from "./ProposalGroups";
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
  /// Repair the alignment (reviewers and admins).
  align: boolean;
}

export interface WorkspaceProps {
  slug: string;
  rows: WorkspaceRow[];
  /// How the French paragraphs (rows) and the English ones pair up.
  beads: AlignedBead[];
  /// The English paragraphs, by position (with their ids and revisions, which comments refer to).
  english: EnglishParagraph[];
  /// Beads the aligner scored under this are doubtful.
  doubtfulScore: number;
  suggestions: SuggestionView[];
  lastEventId: number;
  quality: DocumentQuality;
  terms: DocumentTerms;
  checks: DocumentChecks;
  initialLayout: ReaderLayout;
  /// clean, suggestions or original (see reader/views).
  initialView: ReadingView;
  me: string | null;
  can: WorkspacePermissions;
}

/// An English paragraph of the reader.
export interface EnglishParagraph extends ReaderParagraph {
  id: number;
  revision: number;
}

const TERMS_KEY = "vv-show-terms";

export function Workspace({ slug, rows, beads, english, doubtfulScore, suggestions, lastEventId, quality, terms: initialTerms, checks: initialChecks, initialLayout, initialView, me, can }: WorkspaceProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(applyEvent, undefined, () => initialState(rows, suggestions, beads));
  const [qualityVersion, bumpQuality] = useReducer((n: number) => n + 1, 0);
  const reading = useReadingView(slug, initialView, qualityVersion);
  /// Suggestion marks, lists and flags are drawn in the "suggestions" view only.
  const marks = reading.view === "suggestions";
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ text: string; category: MqmCategory; severity?: Severity; note?: string } | null>(null);
  const checks = useChecks(slug, initialChecks);
  const [terms, setTerms] = useState(initialTerms);
  const [showTerms, setShowTerms] = useState(true);
  const [card, setCard] = useState<{ match: TermMatch; position: number; bead: number; at: { left: number; top: number } } | null>(null);
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  /// The current row (a bead index) and its first French paragraph (what presence, e and h use).
  const [current, setCurrent] = useState<number | null>(null);
  const currentParagraph = current === null ? null : (state.beads[current]?.fr[0] ?? null);
  const [focused, setFocused] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // Cards kept on screen whatever their suggestion's status (see SuggestionCard's onHold).
  const [held, setHeld] = useState<ReadonlySet<number>>(new Set());
  const hold = useCallback(
    (id: number, on: boolean) =>
      setHeld((prev) => {
        if (prev.has(id) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  // The history entry to bring into view once the history panel shows it (a winning suggestion).
  const [historyFocus, setHistoryFocus] = useState<number | null>(null);
  // The open suggestion that already makes the fix the editor just sent.
  const [duplicate, setDuplicate] = useState<SuggestionView | null>(null);
  const support = useApiAction();
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

  const threadEvents = useRef<(event: { type: string; data: unknown }) => boolean>(() => false);
  const onEvent = useCallback(
    (event: Parameters<Parameters<typeof useDocumentEvents>[2]>[0]) => {
      if (checks.onEvent(event) || threadEvents.current(event)) return;
      event = event as WorkspaceEvent;
      dispatch(event);
      if (event.type === "suggestion.accepted" || event.type === "revision.reverted" || event.type === "glossary.changed") {
        bumpQuality();
        // The text changed: its terms too (its flags come as an event of their own).
        void callApi<{ terms: DocumentTerms }>(`${base}/terms`, "GET").then((a) => a.ok && a.body && setTerms(a.body.terms));
      }
    },
    [base, checks],
  );
  const live = useDocumentEvents(slug, lastEventId, onEvent);

  // Comment threads: loaded for the paragraphs shown, kept live, drawn on their words.
  const paragraphIds = useMemo(() => [...state.rows.map((r) => r.paragraphId), ...english.map((p) => p.id)], [state.rows, english]);
  const threads = useThreads(slug, paragraphIds);
  threadEvents.current = threads.onEvent;
  const threadList = useMemo(() => Object.values(threads.threads), [threads.threads]);
  const [threadInHand, setThreadInHand] = useState<number | null>(null);
  const [threadTarget, setThreadTarget] = useState<number | null>(null);
  const draw = useRef(() => {});
  draw.current = () => {
    const french = new Map(state.rows.map((r) => [r.paragraphId, r.fr]));
    drawThreads(threadList, (th) => (th.lang === "fr" ? french.get(th.paragraphId) : english[th.position]?.text), threadInHand);
  };
  useEffect(() => draw.current());
  // Highlight ranges live in the text nodes: whenever the reader's text is drawn again (by this
  // page or by the reader alone), draw them again on the new nodes.
  useEffect(() => {
    const rows = document.querySelector(".reader .rows");
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => draw.current());
    });
    if (rows) observer.observe(rows, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearThreads();
    };
  }, []);
  // A link to a thread (`#t-12`, as notifications and the to-do list give: see useItemAnchor below)
  // brings its card into view once it is loaded.
  const targetLoaded = threadTarget !== null && !!threads.threads[threadTarget];
  useEffect(() => {
    if (!targetLoaded) return;
    requestAnimationFrame(() => {
      const card = document.getElementById(threadAnchorId(threadTarget!));
      card?.scrollIntoView({ block: "center" });
      card?.focus({ preventScroll: true });
    });
  }, [targetLoaded, threadTarget]);
  // A click on words a thread is about (not on a term or a suggestion) brings its card forward.
  const threadsRef = useRef(threadList);
  threadsRef.current = threadList;
  useEffect(() => {
    function onClick(e: MouseEvent) {
      const target = e.target as HTMLElement;
      const para = target.closest?.<HTMLElement>(".reader .para");
      if (!para || target.closest("[role=button], button, a, textarea") || !window.getSelection()?.isCollapsed) return;
      const caret = caretAt(e.clientX, e.clientY);
      const at = caret && offsetIn(para, caret.node, caret.offset);
      if (at === null || at === undefined) return;
      const hit = threadsRef.current.find(
        (th) => !th.stale && !th.resolved && th.lang === para.dataset.lang && String(th.position) === para.dataset.position && th.start <= at && at < th.end,
      );
      if (!hit) return;
      setThreadInHand(hit.id);
      document.getElementById(threadAnchorId(hit.id))?.focus();
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  const paragraphOf = (lang: "fr" | "en", position: number) => {
    if (lang === "en") return english[position] ? { id: english[position].id, revision: english[position].revision, text: english[position].text } : null;
    const r = byPosition.get(position);
    return r ? { id: r.paragraphId, revision: r.revision, text: r.fr } : null;
  };

  // Presence: say which paragraph this user looks at, again every 20 s; forget silent viewers.
  const currentRef = useRef<number | null>(null);
  currentRef.current = currentParagraph;
  useEffect(() => {
    if (!me) return;
    void callApi(`${base}/presence`, "POST", { paragraph: currentParagraph });
  }, [me, base, currentParagraph]);
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

  const focusSuggestion = useCallback(
    (id: number) => {
      setFocused(id);
      if (reading.view !== "suggestions") reading.choose("suggestions");
      focusWhenDrawn(`s-${id}`);
    },
    [reading],
  );
  // A link or the to-do list's walk names a suggestion (#s-N) or a thread (#t-N): show it.
  useItemAnchor((item) => {
    if (reading.view !== "suggestions") reading.choose("suggestions");
    if (item.kind === "suggestion") setFocused(item.id);
    else setThreadTarget(item.id);
    focusWhenDrawn(`${item.kind === "suggestion" ? "s" : "t"}-${item.id}`);
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || editing !== null) return;
      if (e.key === "Escape") setCard(null);
      const index = focused === null ? -1 : ordered.findIndex((s) => s.id === focused);
      if (e.key === "e" && can.suggest && currentParagraph !== null && reading.view !== "original") {
        e.preventDefault();
        setEditing(currentParagraph);
      } else if (e.key === "h" && currentParagraph !== null) {
        e.preventDefault();
        setHistoryOf((h) => (h === currentParagraph ? null : currentParagraph));
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
  }, [can, currentParagraph, editing, focused, focusSuggestion, ordered, reading.view]);

  // The text and revision the open editor started from. A live change to the paragraph does not
  // replace the editor (and the corrector's draft) under their hands: the server maps the fixes
  // from that revision on, or says the words they edited changed meanwhile.
  const openedOn = useRef<{ position: number; revision: number; text: string } | null>(null);
  if (editing === null) openedOn.current = null;

  async function submitSuggestion(row: WorkspaceRow, revision: number, fixes: Fix[], meta: SuggestionMeta): Promise<string | null> {
    const answer = await callApi<{ suggestions: SuggestionView[] }>(`${base}/suggestions`, "POST", {
      paragraphId: row.paragraphId,
      baseRevision: revision,
      fixes,
      ...meta,
    });
    if (!answer.ok) {
      const error = answer.body?.error as { message: string; code: string; params?: { suggestion?: SuggestionView } } | undefined;
      // The same fix is open already: offer to support it instead (the draft stays in the editor).
      setDuplicate(error?.code === "duplicate" ? (error.params?.suggestion ?? null) : null);
      return error?.message ?? t("errors.generic");
    }
    setDuplicate(null);
    dispatch({ type: "suggestions.created", data: { suggestions: answer.body!.suggestions } });
    setEditing(null);
    setDraft(null);
    return null;
  }

  function pickTerm(match: TermMatch, position: number, bead: number, element: HTMLElement) {
    const box = element.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 368));
    setCard({ match, position, bead, at: { left, top: box.bottom + window.scrollY + 6 } });
  }

  /// Opens the editor on the flagged paragraph with the flag's fix already typed in, and the
  /// rule's category and severity chosen.
  function suggestFix(flag: FlagView) {
    const row = state.rows.find((r) => r.paragraphId === flag.paragraphId);
    if (!row || !offersFix(flag) || row.revision !== flag.revision) return;
    setCard(null);
    openedOn.current = null; // the draft is made from the current text
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
  /// Terms of a paragraph (`position` in its language) of the bead `bead`; the counterpart of
  /// the picked term is looked for on the other side of the same bead.
  const termDisplay = (position: number, lang: "fr" | "en", bead: number) =>
    showTerms
      ? {
          matches: terms.matches[position]?.[lang] ?? [],
          flagged: new Set(marks ? flagsAt(position, lang).map((f) => f.start) : []),
          highlight: card && card.bead === bead && card.match.lang !== lang ? card.match.entry : null,
          onPick: (m: TermMatch, el: HTMLElement) => pickTerm(m, position, bead, el),
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
      t("corrections.bulkDone", {
        done: t("corrections.bulkDoneCount", { count: b.results.filter((r) => r.ok).length }),
        refused: t("corrections.bulkRefusedCount", { count: b.results.filter((r) => !r.ok).length }),
      }),
    );
    if (answer.ok && answer.body) {
      const failed = answer.body.results.filter((r) => !r.ok);
      setSelected(new Set(failed.map((f) => f.id)));
    }
  }

  const byPosition = new Map(state.rows.map((r) => [r.position, r]));
  const readerBeads: ReaderBead[] = state.beads.map((b) => ({
    // The original view reads (and pairs sentences in) the text as imported.
    fr: b.fr.map((i) => ({ position: i, text: (reading.view === "original" ? reading.originals?.[i] : undefined) ?? byPosition.get(i)?.fr ?? "" })),
    en: b.en.map((i) => english[i] ?? { position: i, text: "" }),
    doubtful: b.score !== undefined && b.score < doubtfulScore,
  }));
  const now = Date.now();

  const renderFrench = (paragraph: ReaderParagraph, _bead: ReaderBead, index: number) => {
    const r = byPosition.get(paragraph.position)!;
    if (editing === r.position) {
      if (openedOn.current?.position !== r.position) openedOn.current = { position: r.position, revision: r.revision, text: r.fr };
      const opened = openedOn.current;
      return (
        <SuggestionEditor
          key={`${r.paragraphId}-${opened.revision}-${draft?.text ?? ""}`}
          original={opened.text}
          initialDraft={draft?.text}
          initialCategory={draft?.category}
          initialSeverity={draft?.severity}
          initialNote={draft?.note}
          lang="fr"
          onSubmit={(fixes, meta) => submitSuggestion(r, opened.revision, fixes, meta)}
          onCancel={() => {
            setEditing(null);
            setDraft(null);
            setDuplicate(null);
          }}
        />
      );
    }
    const original = reading.view === "original" ? (reading.originals?.[r.position] ?? null) : null;
    const marked =
      reading.view === "original" ? (
        <>
          {original !== null && (
            <button type="button" className="changed-mark" data-not-text aria-label={t("views.changedMark")} title={t("views.changedMark")} onClick={() => setHistoryOf(r.position)}>
              ≠
            </button>
          )}
          {original ?? r.fr}
        </>
      ) : (
        <MarkedText
          text={r.fr}
          open={marks ? openSuggestionsOf(state, r.paragraphId) : []}
          onPick={focusSuggestion}
          terms={termDisplay(r.position, "fr", index)}
          flags={marks ? flagsAt(r.position, "fr") : []}
        />
      );
    return r.position === 0 ? <h1>{marked}</h1> : <p>{marked}</p>;
  };

  const renderEnglish = (paragraph: ReaderParagraph, _bead: ReaderBead, index: number) => (
    <MarkedText text={paragraph.text} open={[]} onPick={focusSuggestion} terms={termDisplay(paragraph.position, "en", index)} />
  );

  /// Under a row: each French paragraph's tools, suggestions and history, then (for reviewers,
  /// on the current row) the tools that repair the bead.
  const renderBelow = (bead: ReaderBead, index: number) => (
    <>
      {bead.fr.map((p) => (
        <div key={p.position} className="paragraph-below" data-position={p.position}>
          {renderParagraphBelow(p, bead.fr.length > 1)}
        </div>
      ))}
      <ThreadList
        slug={slug}
        number={String((bead.fr[0] ?? bead.en[0])?.position + 1)}
        threads={threadList.filter((th) => (th.lang === "fr" ? bead.fr : bead.en).some((p) => p.position === th.position))}
        me={me}
        can={{ comment: can.comment, review: can.review }}
        target={threadTarget}
        onChanged={(th: ThreadView) => threads.put([th], true)}
        onFocusThread={setThreadInHand}
      />
      {can.align && current === index && (
        <BeadTools slug={slug} beads={state.beads} index={index} onChanged={(next) => dispatch({ type: "alignment.changed", data: { beads: next } })} />
      )}
    </>
  );

  const renderParagraphBelow = (row: ReaderParagraph, labelled: boolean) => {
    const r = byPosition.get(row.position)!;
    // The clean and original views show the text alone (and a history one asked for).
    if (!marks && editing !== row.position) return historyOf === row.position ? historyPanel(row.position, r) : null;
    const list = openSuggestionsOf(state, r.paragraphId);
    // Open suggestions, and the held ones a live update decided while someone had them in hand.
    const shown = [
      ...list,
      ...[...held].flatMap((id) => {
        const s = state.suggestions[id];
        return s && s.paragraphId === r.paragraphId && s.status !== "open" ? [s] : [];
      }),
    ].sort((a, b) => a.start - b.start || a.id - b.id);
    const viewers = viewersOf(state, row.position, me, now);
    const sameFix = duplicate && duplicate.paragraphId === r.paragraphId && editing === row.position ? duplicate : null;
    return (
      <>
        <div className="row-tools">
          {labelled && <span className="paragraph-label">{t("alignment.paragraphLabel", { number: row.position + 1 })}</span>}
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
        {sameFix && (
          <div className="duplicate-warning" role="alert" data-duplicate-of={sameFix.id}>
            <p>{t("integrity.duplicateOffer", { id: sameFix.id, author: sameFix.author })}</p>
            <button
              type="button"
              className="support"
              disabled={support.busy}
              onClick={async () => {
                const answer = await support.run<{ suggestion: SuggestionView }>(`${base}/suggestions/${sameFix.id}/support`, "POST", {});
                if (!answer.ok || !answer.body) return;
                dispatch({ type: "suggestion.supported", data: { suggestion: answer.body.suggestion } });
                setDuplicate(null);
                setEditing(null);
                setDraft(null);
                focusSuggestion(sameFix.id);
              }}
            >
              {t("integrity.support", { id: sameFix.id })}
            </button>
            <Notice message={support.message} inline />
          </div>
        )}
        {shown.length > 0 && (
          <ul className="suggestion-list" aria-label={t("corrections.listLabel", { number: row.position + 1 })}>
            {shown.map((s) => (
              <SuggestionCard
                key={s.id}
                slug={slug}
                suggestion={s}
                text={r.fr}
                can={{ review: can.review, comment: can.comment }}
                selected={selected.has(s.id)}
                focused={focused === s.id}
                onHold={(on) => hold(s.id, on)}
                onShowWinner={(id) => {
                  setHistoryOf(row.position);
                  setHistoryFocus(id);
                }}
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
        {historyOf === row.position && historyPanel(row.position, r)}
      </>
    );
  };

  const historyPanel = (position: number, r: WorkspaceRow) => (
    <HistoryPanel
      slug={slug}
      position={position}
      revision={r.revision}
      canRevert={can.revert}
      focusSuggestion={historyFocus}
      declined={Object.values(state.suggestions).filter((s) => s.paragraphId === r.paragraphId && (s.status === "rejected" || s.status === "stale"))}
      onClose={() => {
        setHistoryOf(null);
        setHistoryFocus(null);
      }}
    />
  );

  const toolbar = (
    <div className="review-bar">
      <span className={`live live-${live}`} role="status">
        {t(`corrections.live_${live}`)}
      </span>
      <span className="open-total">{t("corrections.openTotal", { count: ordered.length })}</span>
      <ViewSwitch view={reading.view} onChange={reading.choose} />
      {marks && <FlagsLink checks={checks.state} enabled={checks.enabled} />}
      <button type="button" className="terms-toggle" aria-pressed={showTerms} onClick={toggleTerms}>
        {t("terms.show")}
      </button>
      <TodoPanel slug={slug} me={me} version={ordered} />
      {can.review && marks && ordered.length > 0 && (
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
      {marks && <ProposalGroups slug={slug} open={ordered} rows={state.rows} canReview={can.review} />}
    </div>
  );

  return (
    <>
      <Reader
        slug={slug}
        beads={readerBeads}
        initialLayout={initialLayout}
        view={reading.view}
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
      {can.comment && <CommentComposer slug={slug} paragraphOf={paragraphOf} onCreated={(th) => threads.put([th], true)} />}
      <ChecksPanel slug={slug} checks={checks.state} enabled={checks.enabled} textOf={(id) => state.rows.find((r) => r.paragraphId === id)?.fr ?? ""} canReview={can.review} onRules={checks.setRules} />
      <QualityPanel slug={slug} initial={quality} version={qualityVersion} openFlags={checks.openByCategory} />
    </>
  );
}

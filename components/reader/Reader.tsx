"use client";
/// The aligned reader: one row per bead (a French paragraph and its English counterpart, or a
/// group of paragraphs on either side that translate each other), French beside English.
/// Hovering or focusing a row highlights both sides, and a sentence its counterpart sentences;
/// j/k and the arrow keys move between rows, d to the next bead the aligner doubted; `#p-N`
/// names the N-th French paragraph (a bead row answers to each of its paragraphs' anchors); the
/// layout is remembered.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { sentenceLinks, type LinkedSentence } from "@/lib/corpus/sentence-links";
import { setPreferenceCookie } from "../preferences";
import { EnglishToggle } from "./EnglishToggle";
import { READER_LAYOUT_COOKIE, READER_LAYOUTS, type ReaderLayout } from "./layouts";
import { caretAt, offsetIn, rangeIn, sentenceAt, showSentences } from "./sentenceHighlight";
import { ShortcutsHelp } from "./ShortcutsHelp";

/// A paragraph as the reader shows it: its position among its language's paragraphs, its text.
export interface ReaderParagraph {
  position: number;
  text: string;
}

/// One row: the paragraphs of a bead (either side may be empty), and whether the aligner doubted it.
export interface ReaderBead {
  fr: ReaderParagraph[];
  en: ReaderParagraph[];
  doubtful?: boolean;
}

const LAYOUT_LABEL: Record<ReaderLayout, string> = {
  side: "reader.layoutSide",
  fr: "reader.layoutFr",
  en: "reader.layoutEn",
  interleaved: "reader.layoutInterleaved",
};

/// The anchor of a French paragraph: `p-1` is the title, numbered as a reader counts.
export const paragraphAnchor = (index: number) => `p-${index + 1}`;
/// The anchor of an English paragraph with no French one in its bead: `en-N`.
export const englishAnchor = (index: number) => `en-${index + 1}`;
/// The anchor of a bead's row: its first French paragraph's, else its first English one's.
export const beadAnchor = (bead: ReaderBead) => (bead.fr.length ? paragraphAnchor(bead.fr[0].position) : englishAnchor(bead.en[0]?.position ?? 0));

/// The index of the bead an anchor (`p-N` or `en-N`) names, or -1.
export function beadOfAnchor(beads: readonly ReaderBead[], hash: string): number {
  const match = /^#?(p|en)-(\d+)$/.exec(hash);
  if (!match) return -1;
  const position = Number(match[2]) - 1;
  const side = match[1] === "p" ? "fr" : "en";
  return beads.findIndex((b) => b[side].some((p) => p.position === position));
}

/// Whether a key event comes from a place where the reader is typing (keys are theirs then).
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest("input, textarea, select, [contenteditable='true']");
}

export interface ReaderProps {
  slug: string;
  beads: ReaderBead[];
  initialLayout: ReaderLayout;
  /// The view of the text (clean, suggestions, original), for styles and tests.
  view?: string;
  /// Replaces the plain text of a French paragraph (the correction workspace draws suggestions there).
  renderFrench?: (paragraph: ReaderParagraph, bead: ReaderBead, index: number) => ReactNode;
  /// Replaces the plain text of an English paragraph (terms are underlined there).
  renderEnglish?: (paragraph: ReaderParagraph, bead: ReaderBead, index: number) => ReactNode;
  /// Shown under a row, across both columns (suggestions, history, presence, repair tools).
  renderBelow?: (bead: ReaderBead, index: number) => ReactNode;
  /// Told when the current row changes (by keyboard, focus or link).
  onCurrentChange?: (index: number | null) => void;
  /// More controls for the toolbar.
  toolbar?: ReactNode;
}

type Side = "fr" | "en";

export function Reader({ slug, beads, initialLayout, view, renderFrench, renderEnglish, renderBelow, onCurrentChange, toolbar }: ReaderProps) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<ReaderLayout>(initialLayout);
  const [current, setCurrent] = useState<number | null>(null);
  const [onlyDoubtful, setOnlyDoubtful] = useState(false);
  useEffect(() => onCurrentChange?.(current), [current, onCurrentChange]);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const doubtful = beads.flatMap((b, i) => (b.doubtful ? [i] : []));
  const visible = useCallback((i: number) => !onlyDoubtful || !!beads[i]?.doubtful, [beads, onlyDoubtful]);

  const goTo = useCallback(
    (index: number) => {
      const i = Math.max(0, Math.min(beads.length - 1, index));
      setCurrent(i);
      rowRefs.current[i]?.focus();
      history.replaceState(null, "", `#${beadAnchor(beads[i])}`);
    },
    [beads],
  );

  // A link such as #p-5 selects the row of that paragraph when the page opens or the hash changes.
  useEffect(() => {
    const select = () => {
      const i = beadOfAnchor(beads, window.location.hash);
      if (i >= 0) {
        setCurrent(i);
        rowRefs.current[i]?.focus();
      }
    };
    select();
    window.addEventListener("hashchange", select);
    return () => window.removeEventListener("hashchange", select);
  }, [beads.length]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      if (e.key === "d") {
        if (doubtful.length === 0) return;
        e.preventDefault();
        goTo(doubtful.find((i) => i > (current ?? -1)) ?? doubtful[0]);
        return;
      }
      const step = e.key === "j" || e.key === "ArrowDown" ? 1 : e.key === "k" || e.key === "ArrowUp" ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      let i = current === null ? (step > 0 ? 0 : beads.length - 1) : current + step;
      while (i >= 0 && i < beads.length && !visible(i)) i += step;
      if (i >= 0 && i < beads.length) goTo(i);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, goTo, beads.length, doubtful, visible]);

  // Sentence cross-highlighting: sentences are found and paired per bead when first needed.
  const links = useRef(new Map<string, { fr: LinkedSentence[]; en: LinkedSentence[] }>());
  const linksOf = useCallback((bead: ReaderBead) => {
    const key = JSON.stringify([bead.fr.map((p) => p.text), bead.en.map((p) => p.text)]);
    let found = links.current.get(key);
    if (!found) {
      found = sentenceLinks(
        bead.fr.map((p) => p.text),
        bead.en.map((p) => p.text),
      );
      if (links.current.size > 500) links.current.clear();
      links.current.set(key, found);
    }
    return found;
  }, []);
  const lit = useRef<string | null>(null);
  const highlightAt = useCallback(
    (node: Node | null, offset: number) => {
      const para = node?.parentElement?.closest<HTMLElement>(".para");
      const row = para?.closest<HTMLElement>("li.row");
      const index = Number(row?.dataset.bead);
      const bead = beads[index];
      const at = para && bead ? offsetIn(para, node!, offset) : null;
      const lang = para?.dataset.lang as Side | undefined;
      const sentences = bead && lang ? linksOf(bead) : null;
      const hit = sentences && at !== null ? sentenceAt(sentences[lang!], Number(para!.dataset.index), at) : null;
      const key = hit ? `${index}:${lang}:${hit.group}` : null;
      if (key === lit.current) return;
      lit.current = key;
      if (!hit || !sentences || !row) return showSentences([], []);
      const ranges = (side: Side) =>
        sentences[side]
          .filter((s) => s.group === hit.group)
          .flatMap((s) => {
            const el = row.querySelector(`.para[data-lang="${side}"][data-index="${s.paragraph}"]`);
            const r = el && rangeIn(el, s.start, s.end);
            return r ? [r] : [];
          });
      const other: Side = lang === "fr" ? "en" : "fr";
      showSentences(ranges(lang!), ranges(other));
    },
    [beads, linksOf],
  );
  const frame = useRef(0);
  const onPointer = (e: { clientX: number; clientY: number }) => {
    const { clientX, clientY } = e;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const caret = caretAt(clientX, clientY);
      highlightAt(caret?.node ?? null, caret?.offset ?? 0);
    });
  };
  const onFocusIn = (e: { target: EventTarget }) => {
    const el = e.target as HTMLElement;
    if (el.closest?.(".para")) highlightAt(el.firstChild ?? el, 0);
  };
  useEffect(() => () => showSentences([], []), []);

  function chooseLayout(next: ReaderLayout) {
    setLayout(next);
    setPreferenceCookie(READER_LAYOUT_COOKIE, next);
  }

  const side = (bead: ReaderBead, index: number, lang: Side) => {
    const paragraphs = bead[lang];
    if (paragraphs.length === 0) {
      return (
        <p className="empty-side" data-not-text>
          {t(lang === "fr" ? "alignment.noFrench" : "alignment.noEnglish")}
        </p>
      );
    }
    return paragraphs.map((p, k) => {
      const render = lang === "fr" ? renderFrench : renderEnglish;
      const title = lang === "fr" ? p.position === 0 : p.position === 0 && bead.fr[0]?.position === 0;
      const content = render ? render(p, bead, index) : null;
      return (
        <div key={p.position} className="para" data-lang={lang} data-index={k} data-position={p.position}>
          {lang === "fr" && k > 0 && <span id={paragraphAnchor(p.position)} className="anchor" />}
          {lang === "fr" ? (
            (content ?? (title ? <h1>{p.text}</h1> : <p>{p.text}</p>))
          ) : title ? (
            <p className="title">{content ?? p.text}</p>
          ) : (
            <p>{content ?? p.text}</p>
          )}
        </div>
      );
    });
  };

  const numberOf = (bead: ReaderBead) =>
    bead.fr.length === 0 ? "·" : bead.fr.length === 1 ? String(bead.fr[0].position + 1) : `${bead.fr[0].position + 1}–${bead.fr[bead.fr.length - 1].position + 1}`;

  return (
    <div className={`reader layout-${layout}${onlyDoubtful ? " only-doubtful" : ""}`} data-layout={layout} data-view={view} data-slug={slug}>
      <div className="reader-toolbar">
        <div className="layout-switch" role="group" aria-label={t("reader.layout")}>
          {READER_LAYOUTS.map((l) => (
            <button key={l} type="button" data-layout={l} aria-pressed={l === layout} onClick={() => chooseLayout(l)}>
              {t(LAYOUT_LABEL[l])}
            </button>
          ))}
        </div>
        <EnglishToggle layout={layout} onChange={chooseLayout} />
        {doubtful.length > 0 && (
          <button type="button" className="doubtful-filter" aria-pressed={onlyDoubtful} onClick={() => setOnlyDoubtful(!onlyDoubtful)}>
            {t("alignment.onlyDoubtful", { count: doubtful.length })}
          </button>
        )}
        {toolbar}
        <p className="keyboard-hint">
          {t("reader.keyboardHint")}
          {doubtful.length > 0 && ` ${t("alignment.keyHint")}`}
        </p>
        <ShortcutsHelp />
      </div>
      <div className="column-heads" aria-hidden="true">
        <span />
        <span className="head-fr">{t("langName.fr")}</span>
        <span className="head-en">{t("langName.en")}</span>
      </div>
      <ol
        className="rows"
        aria-label={t("reader.rows")}
        onPointerMove={onPointer}
        onClick={onPointer}
        onPointerLeave={() => highlightAt(null, 0)}
        onFocus={onFocusIn}
      >
        {beads.map((bead, i) => {
          const anchor = beadAnchor(bead);
          const classes = ["row", i === current ? "current" : "", bead.doubtful ? "doubtful" : "", bead.fr.length === 0 || bead.en.length === 0 ? "one-sided" : ""];
          return (
            <li
              key={anchor}
              id={anchor}
              ref={(el) => {
                rowRefs.current[i] = el;
              }}
              className={classes.filter(Boolean).join(" ")}
              data-position={bead.fr[0]?.position ?? ""}
              data-bead={i}
              data-fr={bead.fr.map((p) => p.position).join(",")}
              data-en={bead.en.map((p) => p.position).join(",")}
              tabIndex={i === (current ?? 0) ? 0 : -1}
              onFocus={() => setCurrent(i)}
            >
              <span className="margin">
                <a className="num" href={`#${anchor}`} tabIndex={-1} aria-label={t("reader.paragraphLink", { number: bead.fr[0] ? bead.fr[0].position + 1 : "" })}>
                  {numberOf(bead)}
                </a>
                {bead.doubtful && (
                  <span className="doubt-mark" role="img" aria-label={t("alignment.doubtful")} title={t("alignment.doubtful")}>
                    ?
                  </span>
                )}
              </span>
              <div className="cell fr" lang="fr">
                {side(bead, i, "fr")}
              </div>
              <div className="cell en" lang="en">
                {side(bead, i, "en")}
              </div>
              {renderBelow && <div className="below">{renderBelow(bead, i)}</div>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

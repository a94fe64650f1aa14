"use client";
/// The aligned reader: one row per paragraph, French beside English. Hovering or focusing a row
/// highlights both sides; j/k and the arrow keys move between rows; the layout is remembered.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { setPreferenceCookie } from "../preferences";
import { READER_LAYOUT_COOKIE, READER_LAYOUTS, type ReaderLayout } from "./layouts";
import { ShortcutsHelp } from "./ShortcutsHelp";

export interface ReaderRow {
  position: number;
  fr: string;
  en: string;
}

const LAYOUT_LABEL: Record<ReaderLayout, string> = {
  side: "reader.layoutSide",
  fr: "reader.layoutFr",
  en: "reader.layoutEn",
  interleaved: "reader.layoutInterleaved",
};

/// The anchor of a paragraph: `p-1` is the title, numbered as a reader counts.
export const paragraphAnchor = (index: number) => `p-${index + 1}`;

/// Whether a key event comes from a place where the reader is typing (keys are theirs then).
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest("input, textarea, select, [contenteditable='true']");
}

export interface ReaderProps {
  slug: string;
  rows: ReaderRow[];
  initialLayout: ReaderLayout;
  /// Replaces the plain French text of a row (the correction workspace draws suggestions there).
  renderFrench?: (row: ReaderRow, index: number) => ReactNode;
  /// Replaces the plain English text of a row (terms are underlined there).
  renderEnglish?: (row: ReaderRow, index: number) => ReactNode;
  /// Shown under a row, across both columns (suggestions, history, presence).
  renderBelow?: (row: ReaderRow, index: number) => ReactNode;
  /// Told when the current row changes (by keyboard, focus or link).
  onCurrentChange?: (index: number | null) => void;
  /// More controls for the toolbar.
  toolbar?: ReactNode;
}

export function Reader({ slug, rows, initialLayout, renderFrench, renderEnglish, renderBelow, onCurrentChange, toolbar }: ReaderProps) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<ReaderLayout>(initialLayout);
  const [current, setCurrent] = useState<number | null>(null);
  useEffect(() => onCurrentChange?.(current), [current, onCurrentChange]);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);

  const goTo = useCallback(
    (index: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, index));
      setCurrent(i);
      rowRefs.current[i]?.focus();
      history.replaceState(null, "", `#${paragraphAnchor(i)}`);
    },
    [rows.length],
  );

  // A link such as #p-5 selects that row when the page opens.
  useEffect(() => {
    const match = /^#p-(\d+)$/.exec(window.location.hash);
    if (match) {
      const i = Number(match[1]) - 1;
      if (i >= 0 && i < rows.length) {
        setCurrent(i);
        rowRefs.current[i]?.focus();
      }
    }
  }, [rows.length]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      const step = e.key === "j" || e.key === "ArrowDown" ? 1 : e.key === "k" || e.key === "ArrowUp" ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      goTo(current === null ? (step > 0 ? 0 : rows.length - 1) : current + step);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, goTo, rows.length]);

  function chooseLayout(next: ReaderLayout) {
    setLayout(next);
    setPreferenceCookie(READER_LAYOUT_COOKIE, next);
  }

  return (
    <div className={`reader layout-${layout}`} data-layout={layout} data-slug={slug}>
      <div className="reader-toolbar">
        <div className="layout-switch" role="group" aria-label={t("reader.layout")}>
          {READER_LAYOUTS.map((l) => (
            <button key={l} type="button" data-layout={l} aria-pressed={l === layout} onClick={() => chooseLayout(l)}>
              {t(LAYOUT_LABEL[l])}
            </button>
          ))}
        </div>
        {toolbar}
        <p className="keyboard-hint">{t("reader.keyboardHint")}</p>
        <ShortcutsHelp />
      </div>
      <div className="column-heads" aria-hidden="true">
        <span />
        <span className="head-fr">{t("langName.fr")}</span>
        <span className="head-en">{t("langName.en")}</span>
      </div>
      <ol className="rows" aria-label={t("reader.rows")}>
        {rows.map((row, i) => {
          const anchor = paragraphAnchor(i);
          return (
            <li
              key={row.position}
              id={anchor}
              ref={(el) => {
                rowRefs.current[i] = el;
              }}
              className={i === current ? "row current" : "row"}
              data-position={row.position}
              tabIndex={i === (current ?? 0) ? 0 : -1}
              onFocus={() => setCurrent(i)}
            >
              <a className="num" href={`#${anchor}`} tabIndex={-1} aria-label={t("reader.paragraphLink", { number: i + 1 })}>
                {i + 1}
              </a>
              <div className="cell fr" lang="fr">
                {renderFrench ? renderFrench(row, i) : i === 0 ? <h1>{row.fr}</h1> : <p>{row.fr}</p>}
              </div>
              <div className="cell en" lang="en">
                {i === 0 ? <p className="title">{renderEnglish ? renderEnglish(row, i) : row.en}</p> : <p>{renderEnglish ? renderEnglish(row, i) : row.en}</p>}
              </div>
              {renderBelow && <div className="below">{renderBelow(row, i)}</div>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

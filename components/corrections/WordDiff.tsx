"use client";
/// A word diff of two texts: deleted words struck through in `<del>`, inserted words underlined in
/// `<ins>`, each preceded by visually hidden "deleted:" / "inserted:" for screen readers. Words are
/// compared with `diffWordsWithSpace`, so a change of spaces alone shows (outlined, see .vv-ws).
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { diffWordsWithSpace } from "diff";
import { withContext } from "@/lib/corrections/diff-context";
import { nfc } from "@/lib/text/paragraphs";

const isBlank = (text: string) => /^\s+$/u.test(text);

/// Whether showing `before` → `after` with `context` words around each change leaves words out.
export function elidesWords(before: string, after: string, context: number): boolean {
  return withContext(diffWordsWithSpace(nfc(before), nfc(after)), context).some((p) => "elided" in p);
}

/// `context`: show only that many unchanged words on each side of a change, eliding the rest.
export function WordDiff({ before, after, className, context }: { before: string; after: string; className?: string; context?: number }) {
  const { t } = useTranslation();
  const parts = useMemo(() => {
    const diff = diffWordsWithSpace(nfc(before), nfc(after));
    return context === undefined ? diff : withContext(diff, context);
  }, [before, after, context]);
  return (
    <span className={className ? `vv-diff ${className}` : "vv-diff"}>
      {parts.map((part, i) => {
        if ("elided" in part)
          return (
            <span key={i} className="elided" title={t("diff.elided")}>
              …
            </span>
          );
        if (!part.added && !part.removed) return <span key={i}>{part.value}</span>;
        const blank = isBlank(part.value);
        const label = `${t(part.added ? "diff.inserted" : "diff.deleted")} ${blank ? `${t("diff.space")} ` : ""}`;
        const content = (
          <>
            <span className="visually-hidden">{label}</span>
            {part.value}
          </>
        );
        return part.added ? (
          <ins key={i} className={blank ? "vv-ws" : undefined}>
            {content}
          </ins>
        ) : (
          <del key={i} className={blank ? "vv-ws" : undefined}>
            {content}
          </del>
        );
      })}
    </span>
  );
}

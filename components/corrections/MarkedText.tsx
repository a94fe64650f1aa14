"use client";
/// A French paragraph with its open suggestions drawn in the text, as track changes: the words a
/// suggestion deletes struck through, the words it inserts underlined. Readable without colour.
import { useTranslation } from "react-i18next";
import type { SuggestionView } from "@/server/corrections/views";
import { markedRuns } from "./workspaceState";

export function MarkedText({ text, open, onPick }: { text: string; open: SuggestionView[]; onPick(id: number): void }) {
  const { t } = useTranslation();
  return (
    <>
      {markedRuns(text, open).map((run, i) =>
        run.kind === "text" ? (
          <span key={i}>{run.text}</span>
        ) : (
          // A span, not a <button>: a button is laid out as a block and would break the line.
          <span
            key={i}
            role="button"
            tabIndex={0}
            className="sug-mark"
            data-suggestion={run.suggestion.id}
            title={t("corrections.suggestionTitle", { id: run.suggestion.id, author: run.suggestion.author })}
            onClick={() => onPick(run.suggestion.id)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                onPick(run.suggestion.id);
              }
            }}
          >
            {run.suggestion.deleted && (
              <del>
                <span className="visually-hidden">{t("diff.deleted")} </span>
                {run.suggestion.deleted}
              </del>
            )}
            {run.suggestion.inserted && (
              <ins>
                <span className="visually-hidden">{t("diff.inserted")} </span>
                {run.suggestion.inserted}
              </ins>
            )}
          </span>
        ),
      )}
    </>
  );
}

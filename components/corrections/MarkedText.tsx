"use client";
/// A paragraph with its open suggestions drawn in the text as track changes (the words a
/// suggestion deletes struck through, the words it inserts underlined; readable without colour)
/// and its glossary terms underlined.
import type { KeyboardEvent, MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { FlagView } from "@/lib/flags/view";
import type { TermMatch } from "@/lib/glossary/match";
import { FlagMark } from "../checks/FlagMark";
import { withFlags } from "../checks/flagRuns";
import type { SuggestionView } from "@/lib/corrections/views";
import { withTerms } from "../glossary/terms";
import { ChangeMarks } from "./ChangeMarks";
import { markedRuns } from "./workspaceState";

export interface TermDisplay {
  matches: TermMatch[];
  /// Starts of the occurrences the glossary flags.
  flagged: Set<number>;
  /// An entry whose occurrences stand out (the counterpart of the selected term).
  highlight: string | null;
  onPick(match: TermMatch, element: HTMLElement): void;
}

function activate(handler: (el: HTMLElement) => void) {
  return {
    onClick: (e: MouseEvent<HTMLElement>) => handler(e.currentTarget),
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        handler(e.currentTarget);
      }
    },
  };
}

export function MarkedText({ text, open, onPick, terms, flags }: { text: string; open: SuggestionView[]; onPick(id: number): void; terms?: TermDisplay; flags?: FlagView[] }) {
  const { t } = useTranslation();
  return (
    <>
      {withFlags(withTerms(markedRuns(text, open), terms?.matches ?? []), flags ?? []).map((run, i) => {
        if (run.kind === "text") return <span key={i}>{run.text}</span>;
        if (run.kind === "flag") return <FlagMark key={i} text={run.text} flags={run.flags} />;
        if (run.kind === "term") {
          const m = run.match;
          const classes = ["term", `status-${m.status}`, terms!.flagged.has(m.start) ? "flagged" : "", terms!.highlight === m.entry ? "counterpart" : ""];
          return (
            <span key={i} role="button" tabIndex={0} className={classes.filter(Boolean).join(" ")} data-entry={m.entry} data-status={m.status} {...activate((el) => terms!.onPick(m, el))}>
              {run.text}
            </span>
          );
        }
        const s = run.suggestion;
        // A span, not a <button>: a button is laid out as a block and would break the line.
        return (
          <span
            key={i}
            role="button"
            tabIndex={0}
            className="sug-mark"
            data-suggestion={s.id}
            title={t("corrections.suggestionTitle", { id: s.id, author: s.author })}
            {...activate(() => onPick(s.id))}
          >
            <ChangeMarks deleted={s.deleted} inserted={s.inserted} />
          </span>
        );
      })}
    </>
  );
}

"use client";
/// Flagged words in the French text: a coloured bar under them (by severity), distinct from the
/// glossary's dotted underline and from suggestions' track changes; a click (or Enter) goes to
/// the flag in the list under the paragraph.
import { useTranslation } from "react-i18next";
import type { FlagView } from "@/lib/flags/view";
import { flagItemId, flagMessage } from "./labels";

const RANK = { minor: 0, major: 1, critical: 2 } as const;

export function FlagMark({ text, flags }: { text: string; flags: FlagView[] }) {
  const { t } = useTranslation();
  const worst = flags.reduce((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), "minor" as FlagView["severity"]);
  const go = () => {
    const item = document.getElementById(flagItemId(flags[0].key));
    item?.scrollIntoView({ block: "nearest" });
    item?.focus();
  };
  return (
    <mark
      className={`flag-mark sev-${worst}`}
      role="button"
      tabIndex={0}
      data-flag={flags.map((f) => f.key).join(" ")}
      data-rule={flags.map((f) => f.rule).join(" ")}
      title={flags.map((f) => flagMessage(t, f)).join("\n")}
      onClick={go}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          go();
        }
      }}
    >
      {text}
    </mark>
  );
}

/// Cutting a paragraph's text into runs for display: plain text, term occurrences and
/// suggestion marks. Pure.
import type { SuggestionView } from "@/lib/corrections/views";
import type { TermMatch } from "@/lib/glossary/match";

export type TextRun =
  | { kind: "text"; text: string }
  | { kind: "term"; text: string; match: TermMatch }
  | { kind: "suggestion"; suggestion: SuggestionView };

/// Splits the plain-text runs of `runs` (which cover `text` from offset 0, in order) at the term
/// occurrences that lie wholly inside them; a term crossing a suggestion mark is left plain.
export function withTerms(runs: ({ kind: "text"; text: string } | { kind: "suggestion"; suggestion: SuggestionView })[], matches: TermMatch[]): TextRun[] {
  const out: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    if (run.kind === "suggestion") {
      out.push(run);
      offset = run.suggestion.end;
      continue;
    }
    const from = offset;
    const to = offset + run.text.length;
    let at = from;
    for (const m of matches) {
      if (m.start < at || m.end > to) continue;
      if (m.start > at) out.push({ kind: "text", text: run.text.slice(at - from, m.start - from) });
      out.push({ kind: "term", text: run.text.slice(m.start - from, m.end - from), match: m });
      at = m.end;
    }
    if (at < to) out.push({ kind: "text", text: run.text.slice(at - from) });
    offset = to;
  }
  return out;
}

/// Marking flags in a paragraph already cut into runs (plain text, glossary terms, suggestion
/// marks): plain-text runs are split again where flags lie wholly inside them. Flags that
/// overlap one another are marked as one span carrying them all; a flag across a term or a
/// suggestion is left to the list under the paragraph. Pure.
import type { FlagView } from "@/lib/flags/view";
import type { TextRun } from "../glossary/terms";

export type FlaggedRun = TextRun | { kind: "flag"; text: string; flags: FlagView[] };

/// Flags grouped where they overlap, in text order, each group with the span it covers.
export function flagClusters(flags: readonly FlagView[]): { start: number; end: number; flags: FlagView[] }[] {
  const out: { start: number; end: number; flags: FlagView[] }[] = [];
  for (const f of flags.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.flags.push(f);
    } else out.push({ start: f.start, end: f.end, flags: [f] });
  }
  return out;
}

export function withFlags(runs: readonly TextRun[], flags: readonly FlagView[]): FlaggedRun[] {
  if (flags.length === 0) return [...runs];
  const clusters = flagClusters(flags);
  const out: FlaggedRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const length = run.kind === "suggestion" ? run.suggestion.end - run.suggestion.start : run.text.length;
    if (run.kind !== "text") {
      out.push(run);
      offset = run.kind === "suggestion" ? run.suggestion.end : offset + length;
      continue;
    }
    const from = offset;
    const to = offset + length;
    let at = from;
    for (const c of clusters) {
      if (c.start < at || c.end > to) continue;
      if (c.start > at) out.push({ kind: "text", text: run.text.slice(at - from, c.start - from) });
      out.push({ kind: "flag", text: run.text.slice(c.start - from, c.end - from), flags: c.flags });
      at = c.end;
    }
    if (at < to) out.push({ kind: "text", text: run.text.slice(at - from) });
    offset = to;
  }
  return out;
}

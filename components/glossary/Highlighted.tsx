import type { ReactNode } from "react";

/// A paragraph with some of its spans marked (`<mark>`), as text: nothing in it is ever
/// inserted as HTML. Spans are UTF-16 offsets, sorted and not overlapping.
export interface HighlightSpan {
  start: number;
  end: number;
  term: string;
  status: string;
}

export function Highlighted({ text, spans, statusLabel }: { text: string; spans: readonly HighlightSpan[]; statusLabel: (status: string) => string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at || s.end > text.length) return;
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={i} className={`term-hit status-${s.status}`} data-term={s.term} title={`${s.term} (${statusLabel(s.status)})`}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

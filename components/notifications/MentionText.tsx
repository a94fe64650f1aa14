/// A comment's text with the people it mentions highlighted (only names the server resolved
/// to accounts, so "@nobody" stays plain).
import { mentionSpans } from "@/lib/notifications/view";

export function MentionText({ text, mentions }: { text: string; mentions: readonly string[] }) {
  const known = new Set(mentions.map((m) => m.toLocaleLowerCase("und")));
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of mentionSpans(text)) {
    const name = [span.raw, span.name].find((n) => known.has(n.toLocaleLowerCase("und")));
    if (!name) continue;
    parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className="mention">
        @{name}
      </mark>,
    );
    at = span.start + 1 + name.length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/// Shortening a word diff for display: unchanged stretches keep a few words next to each change
/// and are elided in between, so a history entry shows what changed, not the whole paragraph.

/// A part of a diff as the `diff` package gives it.
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/// An unchanged stretch that was cut: shown as an ellipsis.
export interface Elision {
  elided: true;
}

/// The diff with every unchanged stretch cut to `words` words on each side of a change (at the
/// start of the text only the words before the first change, at the end only those after the
/// last). Changed parts are kept whole; a stretch short enough is kept whole too, and so is a
/// text without any change.
export function withContext(parts: readonly DiffPart[], words: number): Array<DiffPart | Elision> {
  if (!parts.some((p) => p.added || p.removed)) return [...parts];
  const out: Array<DiffPart | Elision> = [];
  parts.forEach((part, i) => {
    if (part.added || part.removed) return out.push(part);
    const tokens = part.value.match(/\s+|\S+/gu) ?? [];
    const wordIndexes = tokens.flatMap((t, k) => (/\S/u.test(t) ? [k] : []));
    const keepBefore = i > 0 ? words : 0; // after a change: its right context
    const keepAfter = i < parts.length - 1 ? words : 0; // before a change: its left context
    if (wordIndexes.length <= keepBefore + keepAfter) return out.push(part);
    const head = keepBefore === 0 ? "" : tokens.slice(0, wordIndexes[keepBefore - 1] + 1).join("");
    const tail = keepAfter === 0 ? "" : tokens.slice(wordIndexes[wordIndexes.length - keepAfter]).join("");
    if (head) out.push({ value: `${head} ` });
    out.push({ elided: true });
    if (tail) out.push({ value: ` ${tail}` });
  });
  return out;
}

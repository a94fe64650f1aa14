/// What re-importing a document would change, worked out before anything is written: the stored
/// paragraphs are lined up with the new file's lines by content (a line inserted or removed in
/// the middle moves the ones after it; it does not make them all "changed").
import { diffArrays } from "diff";

/// How a new file's lines map onto the stored paragraphs of one language.
export interface ParagraphAlignment {
  /// Same text; `from` is the stored position, `to` the position in the new file.
  kept: { from: number; to: number }[];
  /// The same paragraph with new text (a stored line replaced by a new one at that place).
  changed: { from: number; to: number }[];
  /// Lines of the new file with no stored paragraph.
  added: number[];
  /// Stored paragraphs the new file no longer has.
  removed: number[];
}

/// A summary for people: positions in the new file for `changed` and `added`, stored positions
/// for `removed`.
export interface ParagraphChanges {
  changed: number[];
  added: number[];
  removed: number[];
}

/// Lines up stored paragraphs with incoming ones. Where the diff replaces a run of stored lines
/// by a run of new ones, they pair up in order as changed paragraphs; the surplus is added or
/// removed.
export function alignParagraphs(stored: readonly string[], incoming: readonly string[]): ParagraphAlignment {
  const out: ParagraphAlignment = { kept: [], changed: [], added: [], removed: [] };
  let from = 0;
  let to = 0;
  const parts = diffArrays(stored as string[], incoming as string[]);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < n; k++) out.kept.push({ from: from++, to: to++ });
    } else if (part.removed) {
      const next = parts[i + 1];
      const m = next?.added ? (next.count ?? next.value.length) : 0;
      const pairs = Math.min(n, m);
      for (let k = 0; k < pairs; k++) out.changed.push({ from: from++, to: to++ });
      for (let k = pairs; k < n; k++) out.removed.push(from++);
      for (let k = pairs; k < m; k++) out.added.push(to++);
      if (m) i++;
    } else {
      for (let k = 0; k < n; k++) out.added.push(to++);
    }
  }
  return out;
}

/// The summary of an alignment.
export function summarize(a: ParagraphAlignment): ParagraphChanges {
  return { changed: a.changed.map((c) => c.to), added: a.added, removed: a.removed };
}

/// Compares stored paragraphs with incoming ones (see alignParagraphs).
export function compareParagraphs(stored: readonly string[], incoming: readonly string[]): ParagraphChanges {
  return summarize(alignParagraphs(stored, incoming));
}

/// Whether an alignment changes nothing: every paragraph kept at its place.
export function isUnchanged(c: ParagraphChanges | ParagraphAlignment): boolean {
  const moved = "kept" in c && c.kept.some((k) => k.from !== k.to);
  return !moved && c.changed.length === 0 && c.added.length === 0 && c.removed.length === 0;
}

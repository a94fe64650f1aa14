/// What re-importing a document would change, worked out before anything is written.

/// The differences between the paragraphs stored for one language and those of a new file,
/// by position: `changed` and `added` hold positions in the new file, `removed` positions that
/// no longer exist.
export interface ParagraphChanges {
  changed: number[];
  added: number[];
  removed: number[];
}

/// Compares stored paragraphs with incoming ones, position by position.
export function compareParagraphs(stored: readonly string[], incoming: readonly string[]): ParagraphChanges {
  const changed: number[] = [];
  const added: number[] = [];
  const removed: number[] = [];
  for (let i = 0; i < Math.max(stored.length, incoming.length); i++) {
    if (i >= stored.length) added.push(i);
    else if (i >= incoming.length) removed.push(i);
    else if (stored[i] !== incoming[i]) changed.push(i);
  }
  return { changed, added, removed };
}

/// Whether a comparison found nothing to change.
export function isUnchanged(c: ParagraphChanges): boolean {
  return c.changed.length === 0 && c.added.length === 0 && c.removed.length === 0;
}

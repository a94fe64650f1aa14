/// Turning a paragraph edited in the editor (a draft) into fixes: one per changed span, each a
/// suggestion to be. Words are compared with `diffWordsWithSpace`, which, unlike `diffWords`,
/// reports changes of spaces alone (a missing narrow no-break space before « ; » is a fix).

import { diffWordsWithSpace } from "diff";
import { nfc } from "../text/paragraphs";
import type { Change } from "./change";

/// One changed span of a paragraph: `original[start, end)` (which is `deleted`) becomes `inserted`.
/// Offsets are into the NFC original.
export interface Fix extends Change {
  deleted: string;
}

/// The fixes that turn `original` into `draft`, in text order and never overlapping. Both are
/// NFC-normalised first; a removal next to an addition is one replacement. Applying the fixes
/// from last to first to the (NFC) original gives the (NFC) draft; identical texts give `[]`.
export function draftToFixes(original: string, draft: string): Fix[] {
  const fixes: Fix[] = [];
  let fix: Fix | null = null;
  let position = 0;
  for (const part of diffWordsWithSpace(nfc(original), nfc(draft))) {
    if (!part.added && !part.removed) {
      if (fix) fixes.push(fix);
      fix = null;
      position += part.value.length;
      continue;
    }
    fix ??= { start: position, end: position, deleted: "", inserted: "" };
    if (part.removed) {
      fix.deleted += part.value;
      fix.end += part.value.length;
      position += part.value.length;
    } else {
      fix.inserted += part.value;
    }
  }
  if (fix) fixes.push(fix);
  return fixes;
}

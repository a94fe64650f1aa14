/// The glossary's view of one document, as the server builds it and the reader shows it.

import type { GlossaryFlag } from "./consistency";
import type { TermMatch } from "./match";
import type { TermEntry } from "./model";

export interface DocumentTerms {
  /// Occurrences by paragraph position, per language.
  matches: Record<number, { fr: TermMatch[]; en: TermMatch[] }>;
  /// Consistency flags, with their paragraph position.
  flags: GlossaryFlag[];
  /// The entries that occur in the document, by id.
  entries: Record<string, TermEntry>;
  /// Occurrences per entry (both languages).
  counts: { document: Record<string, number>; corpus: Record<string, number> };
}

/// The database's tables as Kysely sees them. Timestamps are ISO-8601 strings and flags are
/// 0/1 integers so that SQLite and PostgreSQL store the same values.
import type { ColumnType, Generated } from "kysely";

export interface DocumentTable {
  id: Generated<number>;
  slug: string;
  title_fr: string;
  title_en: string;
  source_lang: string;
  target_lang: string;
  /// meta.json as imported, serialised.
  meta: string;
  created_at: string;
  updated_at: string;
}

export interface ParagraphTable {
  id: Generated<number>;
  document_id: number;
  lang: "fr" | "en";
  /// Index among the document's non-empty lines of that language, from 0 (the title).
  position: number;
  /// Canonical text: changes only when a suggestion is accepted or the file changes.
  text: string;
  /// The text as last imported from the file (for the French: the machine translation).
  original: string;
  revision: ColumnType<number, number | undefined, number>;
  /// 1 when the line no longer exists in the file; kept so nothing recorded against it is lost.
  removed: ColumnType<number, number | undefined, number>;
}

export interface Database {
  documents: DocumentTable;
  paragraphs: ParagraphTable;
}

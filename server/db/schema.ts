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

export interface UserTable {
  id: Generated<number>;
  /// As the person typed it (shown); `name_key` is its NFC lower-case form (unique).
  name: string;
  name_key: string;
  password_hash: string;
  role: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /// SHA-256 of the cookie's token, so a leaked table opens no session.
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  address: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  /// e.g. `login`, `login.failed`, `user.role`, `document.import`.
  action: string;
  target: string | null;
  /// JSON with the action's particulars.
  detail: string | null;
  address: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  documents: DocumentTable;
  paragraphs: ParagraphTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
}

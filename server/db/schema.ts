/// The database's tables as Kysely sees them. Timestamps are ISO-8601 strings and flags are
/// 0/1 integers so that SQLite and PostgreSQL store the same values.
import type { ColumnType, Generated } from "kysely";
import type { SuggestionStatus } from "../../lib/corrections/views";

import type { NotificationKind } from "../../lib/notifications/view";

export type { SuggestionStatus };

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
  /// The beads (JSON of lib/corpus/alignment AlignedBead[]), or null for one line to one line.
  alignment: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface SuggestionTable {
  id: Generated<number>;
  document_id: number;
  paragraph_id: number;
  /// The paragraph revision `start`/`end` refer to; kept current while the suggestion is open.
  base_revision: number;
  start: number;
  end: number;
  created_revision: number;
  created_start: number;
  created_end: number;
  deleted: string;
  inserted: string;
  category: string;
  severity: string;
  note: ColumnType<string, string | undefined, string>;
  status: SuggestionStatus;
  author_id: number | null;
  author_name: string;
  created_at: string;
  decided_by_id: ColumnType<number | null, number | null | undefined, number | null>;
  decided_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  /// Set on a suggestion offered because the same fix was accepted elsewhere.
  same_fix_as: ColumnType<number | null, number | null | undefined, number | null>;
  /// Set when another accepted suggestion overlapped this one.
  stale_because: ColumnType<number | null, number | null | undefined, number | null>;
  reverted_at: ColumnType<string | null, string | null | undefined, string | null>;
  reverted_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CommentTable {
  id: Generated<number>;
  suggestion_id: number;
  document_id: number;
  author_id: number | null;
  author_name: string;
  text: string;
  /// JSON array of the user names mentioned (@name).
  mentions: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export interface RevisionTable {
  id: Generated<number>;
  paragraph_id: number;
  document_id: number;
  /// The paragraph's revision after this change.
  revision: number;
  kind: "accept" | "revert" | "import";
  start: number;
  end: number;
  deleted: string;
  inserted: string;
  text_before: string;
  text_after: string;
  suggestion_id: number | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
  reverted_by_revision: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EventTable {
  /// Increasing: the SSE event id a browser sends back as Last-Event-ID.
  id: Generated<number>;
  document_id: number;
  at: string;
  type: string;
  /// JSON.
  payload: string;
}

export interface TermEntryTable {
  id: string;
  /// JSON of the entry (lib/glossary/model TermEntry).
  data: string;
  /// JSON of the entry as its file last said; null for entries made in the app.
  imported: string | null;
  source: string | null;
  updated_at: string;
  updated_by: string;
  /// 1 when created, one more with every saved change (optimistic concurrency).
  version: ColumnType<number, number | undefined, number>;
}

export interface TermEntryHistoryTable {
  id: Generated<number>;
  entry_id: string;
  at: string;
  actor: string;
  /// `create`, `edit`, `deprecate`, `import`.
  action: string;
  before: string | null;
  after: string | null;
}

export interface SuggestionSupporterTable {
  suggestion_id: number;
  user_id: number | null;
  user_name: string;
  created_at: string;
}

export interface AlignmentChangeTable {
  id: Generated<number>;
  document_id: number;
  /// `import`, `merge`, `split`, `move`, `detach` or `revert`.
  kind: string;
  /// The window of beads replaced: from bead `at`, `before` became `after` (JSON bead lists).
  at: number;
  before: string;
  after: string;
  actor_id: number | null;
  actor_name: string;
  made_at: string;
  /// For a revert: the change it undid.
  reverts: ColumnType<number | null, number | null | undefined, number | null>;
  /// Set on a change once reverted: the revert's id.
  reverted_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ParagraphFlagsTable {
  paragraph_id: number;
  /// `fast` (every rule but Grammalecte's, run at once) or `grammalecte` (the background job).
  engine: string;
  document_id: number;
  /// The paragraph revision these flags were found in.
  revision: number;
  /// What else the check read (the glossary's version); a change makes the row out of date.
  environment: string;
  /// JSON array of lib/checks Flag, `paragraph` being the paragraph's position.
  flags: string;
  checked_at: string;
}

export type DismissalStatus = "active" | "lapsed" | "withdrawn";

export interface FlagDismissalTable {
  id: Generated<number>;
  document_id: number;
  paragraph_id: number;
  rule: string;
  /// The revision `start`/`end` refer to; kept current while the dismissal is active.
  base_revision: number;
  start: number;
  end: number;
  /// The flagged words when dismissed.
  words: string;
  reason: string;
  status: DismissalStatus;
  author_id: number | null;
  author_name: string;
  created_at: string;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
  ended_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DocumentRuleTable {
  document_id: number;
  rule: string;
  /// 0/1: the reviewer's choice, overriding the rule's default.
  enabled: number;
  updated_by_name: string;
  updated_at: string;
}

export interface CheckJobTable {
  document_id: number;
  engine: string;
  /// `running`, `done`, `failed`, `unavailable`.
  status: string;
  done: number;
  total: number;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
}

/// Something that happened to a person: a mention, a reply in a thread they took part in, a
/// decision on their suggestion.
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  document_id: number;
  suggestion_id: number | null;
  comment_id: number | null;
  /// Set on news of a comment thread (comment_id then names one of its comments).
  thread_id: ColumnType<number | null, number | null | undefined, number | null>;
  actor_name: string;
  /// The comment's text, or a rejection's reason, cut to 280 characters.
  excerpt: string;
  created_at: string;
  read_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/// A comment thread anchored on words of a French or English paragraph (lib/comments/anchor.ts).
export interface ThreadTable {
  id: Generated<number>;
  document_id: number;
  paragraph_id: number;
  base_revision: number;
  start: number;
  end: number;
  quote: string;
  stale_revision: ColumnType<number | null, number | null | undefined, number | null>;
  resolved_at: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  author_id: number | null;
  author_name: string;
  created_at: string;
}

/// One comment of a thread, the first one opening it.
export interface ThreadCommentTable {
  id: Generated<number>;
  thread_id: number;
  document_id: number;
  author_id: number | null;
  author_name: string;
  text: string;
  /// JSON array of the user names mentioned (@name).
  mentions: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export interface Database {
  documents: DocumentTable;
  paragraphs: ParagraphTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  suggestions: SuggestionTable;
  comments: CommentTable;
  revisions: RevisionTable;
  events: EventTable;
  term_entries: TermEntryTable;
  term_entry_history: TermEntryHistoryTable;
  suggestion_supporters: SuggestionSupporterTable;
  alignment_changes: AlignmentChangeTable;
  paragraph_flags: ParagraphFlagsTable;
  flag_dismissals: FlagDismissalTable;
  document_rules: DocumentRuleTable;
  check_jobs: CheckJobTable;
  notifications: NotificationTable;
  threads: ThreadTable;
  thread_comments: ThreadCommentTable;
}

/// A document's to-do list: items gathered from a list of sources (today the open suggestions,
/// each with its comment thread's mentions, and the unresolved comment threads on any text),
/// filtered, counted and paged.
import "server-only";
import type { Kysely } from "kysely";
import { countItems, filterItems, type TodoFilter, type TodoItem } from "../lib/todo/items";
import { TODO_PAGE, type TodoPage } from "../lib/todo/page";
import { openThreadItems } from "./comments/todo";
import type { Database } from "./db/schema";

/// Where to-do items come from: every source gives its open items of one document.
export type TodoSource = (db: Kysely<Database>, documentId: number) => Promise<TodoItem[]>;

/// The document's open suggestions, each an item; the mentions of its comments (its thread, as
/// a suggesting mode shows a suggestion and its replies as one card) are the item's.
export async function openSuggestionItems(db: Kysely<Database>, documentId: number): Promise<TodoItem[]> {
  const [suggestions, comments] = await Promise.all([
    db
      .selectFrom("suggestions as s")
      .innerJoin("paragraphs as p", "p.id", "s.paragraph_id")
      .select(["s.id", "s.paragraph_id", "p.position", "p.lang", "s.start", "s.author_name", "s.created_at", "s.category", "s.severity", "s.same_fix_as", "s.deleted", "s.inserted"])
      .where("s.document_id", "=", documentId)
      .where("s.status", "=", "open")
      .where("p.removed", "=", 0)
      .execute(),
    db
      .selectFrom("comments as c")
      .innerJoin("suggestions as s", "s.id", "c.suggestion_id")
      .select(["c.suggestion_id", "c.mentions"])
      .where("c.document_id", "=", documentId)
      .where("s.status", "=", "open")
      .where("c.mentions", "!=", "[]")
      .execute(),
  ]);
  const mentions = new Map<number, Set<string>>();
  for (const c of comments) {
    const names = mentions.get(c.suggestion_id) ?? new Set<string>();
    for (const name of JSON.parse(c.mentions) as string[]) names.add(name);
    mentions.set(c.suggestion_id, names);
  }
  return suggestions.map((s) => ({
    kind: "suggestion",
    id: s.id,
    paragraphId: s.paragraph_id,
    position: s.position,
    lang: s.lang,
    start: s.start,
    author: s.author_name,
    createdAt: s.created_at,
    category: s.category,
    severity: s.severity,
    status: s.same_fix_as === null ? "open" : "proposed",
    mentions: [...(mentions.get(s.id) ?? [])],
    change: { deleted: clip(s.deleted), inserted: clip(s.inserted) },
  }));
}

/// The longest excerpt of a change an item carries (the list shows a line, not a paragraph).
const EXCERPT = 80;
const clip = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/// The sources a document's to-do list is gathered from.
export const TODO_SOURCES: readonly TodoSource[] = [openSuggestionItems, openThreadItems];

export interface TodoQuery {
  filter: TodoFilter;
  /// The viewer's name (for "mentions me"), or null for a visitor.
  me: string | null;
  now?: Date;
  from?: number;
  limit?: number;
}

/// One page of the document's to-do list under a filter, with the counts of every filter value.
export async function documentTodo(db: Kysely<Database>, documentId: number, query: TodoQuery, sources: readonly TodoSource[] = TODO_SOURCES): Promise<TodoPage> {
  const { filter, me, now = new Date(), from = 0, limit = TODO_PAGE } = query;
  const items = (await Promise.all(sources.map((source) => source(db, documentId)))).flat();
  const passing = filterItems(items, filter, me, now);
  return {
    filter,
    items: passing.slice(from, from + limit),
    total: passing.length,
    from,
    next: from + limit < passing.length ? from + limit : null,
    counts: countItems(items, filter, me, now),
  };
}

/// Reading a document in pages, so that no request holds the server for the length of a book:
/// rows by position (the reader's paged API, the exports), suggestions by id or by paragraph
/// (the corrections report), and the exports as streams that read one page, send it, and let
/// other requests run before the next.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { alignedRows, type DocumentRow } from "../documents";
import type { SuggestionView } from "../../lib/corrections/views";
import { listSuggestions } from "../corrections/views";

/// Rows a page holds by default, and at most, in the paged API.
export const PAGE_ROWS = 200;
export const MAX_PAGE_ROWS = 1000;

/// Rows an export reads at a time: small enough that reading and writing one page holds the
/// server for a few milliseconds only.
export const EXPORT_PAGE_ROWS = 250;

/// Lets the event loop run other requests' work (I/O callbacks included) before going on.
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/// Calls `each` on every item, letting other requests run after every `every` items: a loop over
/// a book's paragraphs inside a request then never holds the server for long.
export async function forEachYielding<T>(items: readonly T[], each: (item: T) => void, every = 1000): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToOthers();
    each(items[i]);
  }
}

/// The aligned rows at positions [from, from + limit) of a document, in reading order.
export async function documentRows(db: Kysely<Database>, documentId: number, from: number, limit: number): Promise<DocumentRow[]> {
  const paragraphs = await db
    .selectFrom("paragraphs")
    .select(["id", "lang", "position", "text", "revision"])
    .where("document_id", "=", documentId)
    .where("removed", "=", 0)
    .where("position", ">=", from)
    .where("position", "<", from + limit)
    .orderBy("position")
    .execute();
  return alignedRows(paragraphs);
}

/// How many rows a document has (one past its last position).
export async function rowCount(db: Kysely<Database>, documentId: number): Promise<number> {
  const row = await db
    .selectFrom("paragraphs")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("document_id", "=", documentId)
    .where("removed", "=", 0)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/// Every row of a document, a page at a time, yielding to other requests between pages.
export async function* rowPages(db: Kysely<Database>, documentId: number, size = EXPORT_PAGE_ROWS): AsyncGenerator<DocumentRow[]> {
  const total = await rowCount(db, documentId);
  for (let from = 0; from < total; from += size) {
    const rows = await documentRows(db, documentId, from, size);
    if (rows.length > 0) yield rows;
    await yieldToOthers();
  }
}

/// The `after` and `limit` of a page of suggestions from a query string, or null when invalid.
export function suggestionPageQuery(query: URLSearchParams): { after: number; limit: number } | null {
  const after = Number(query.get("after") ?? 0);
  const limit = Number(query.get("limit") ?? MAX_PAGE_ROWS);
  const ok = Number.isSafeInteger(after) && after >= 0 && Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_PAGE_ROWS;
  return ok ? { after, limit } : null;
}

/// At most `limit` suggestions of a document with ids above `after`, by id, and the `after` of the
/// next page (null when there is none).
export async function suggestionPage(db: Kysely<Database>, documentId: number, after: number, limit: number): Promise<{ suggestions: SuggestionView[]; next: number | null }> {
  const ids = (
    await db.selectFrom("suggestions").select("id").where("document_id", "=", documentId).where("id", ">", after).orderBy("id").limit(limit + 1).execute()
  ).map((r) => r.id);
  const page = ids.slice(0, limit);
  const suggestions = (await listSuggestions(db, documentId, page)).sort((a, b) => a.id - b.id);
  return { suggestions, next: ids.length > limit ? page.at(-1)! : null };
}

/// Every suggestion of a document with its comments, by id, a page at a time.
export async function* suggestionPagesById(db: Kysely<Database>, documentId: number, size = EXPORT_PAGE_ROWS): AsyncGenerator<SuggestionView[]> {
  for (let after: number | null = 0; after !== null; ) {
    const page: { suggestions: SuggestionView[]; next: number | null } = await suggestionPage(db, documentId, after, size);
    if (page.suggestions.length > 0) yield page.suggestions;
    after = page.next;
    await yieldToOthers();
  }
}

/// Every suggestion of a document with its comments, by paragraph then position in the text (the
/// order of listSuggestions), the suggestions of `size` paragraphs at a time.
export async function* suggestionPagesByParagraph(db: Kysely<Database>, documentId: number, size = EXPORT_PAGE_ROWS): AsyncGenerator<SuggestionView[]> {
  const total = await rowCount(db, documentId);
  for (let from = 0; from < total; from += size) {
    const ids = (
      await db
        .selectFrom("suggestions as s")
        .innerJoin("paragraphs as p", "p.id", "s.paragraph_id")
        .select("s.id")
        .where("s.document_id", "=", documentId)
        .where("p.position", ">=", from)
        .where("p.position", "<", from + size)
        .execute()
    ).map((r) => r.id);
    if (ids.length > 0) yield await listSuggestions(db, documentId, ids);
    await yieldToOthers();
  }
}

const encoder = new TextEncoder();

/// A byte stream of the strings `chunks` yields, produced as the reader pulls (so a slow client
/// does not make the server read ahead).
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

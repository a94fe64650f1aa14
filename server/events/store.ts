/// Document events, stored in the same transaction as the change they describe, so that a
/// browser that reconnects with Last-Event-ID replays exactly what it missed.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/// An event as browsers receive it.
export interface DocumentEvent {
  id: number;
  at: string;
  type: string;
  data: Record<string, unknown>;
}

/// Appends an event to a document's stream; returns its id.
export async function appendEvent(db: Kysely<Database>, documentId: number, type: string, data: Record<string, unknown>): Promise<number> {
  const { id } = await db
    .insertInto("events")
    .values({ document_id: documentId, at: new Date().toISOString(), type, payload: JSON.stringify(data) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/// The document's events after `afterId`, oldest first, at most `limit`.
export async function eventsSince(db: Kysely<Database>, documentId: number, afterId: number, limit = 500): Promise<DocumentEvent[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, type: r.type, data: JSON.parse(r.payload) }));
}

/// The id of the document's latest event, or 0.
export async function lastEventId(db: Kysely<Database>, documentId: number): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

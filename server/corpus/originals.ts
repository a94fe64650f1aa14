/// The machine translation as imported, for the reader's "original" view: only the French
/// paragraphs whose text has changed since (the others read the same in every view).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/// Position → imported text, for every French paragraph corrected since it was imported.
export async function changedOriginals(db: Kysely<Database>, documentId: number): Promise<Record<number, string>> {
  const rows = await db
    .selectFrom("paragraphs")
    .select(["position", "original"])
    .where("document_id", "=", documentId)
    .where("lang", "=", "fr")
    .where("removed", "=", 0)
    .whereRef("text", "!=", "original")
    .orderBy("position")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.position, r.original]));
}

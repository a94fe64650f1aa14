/// Bounded replay for live streams. A browser that reconnects sends the last event id it saw; it
/// is sent what it missed only when that is little (at most MAX_REPLAY events). A client further
/// behind, or one whose id the database does not know (ahead of the latest event: a restored
/// backup, another deployment), is told to reload instead: a "reload" event, after which it
/// takes a fresh snapshot (the page) and the stream goes on from the latest event.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { lastEventId } from "./store";

/// The most events a reconnecting stream replays.
export const MAX_REPLAY = 500;

/// Where a stream starts: the id to send events after, and whether the client must reload first.
export interface ReplayStart {
  cursor: number;
  reload: boolean;
}

/// Decides where a stream of document `documentId` starts for a client that last saw `seen`
/// (null: a first connection with no id, which starts from now).
export async function replayStart(db: Kysely<Database>, documentId: number, seen: number | null, max = MAX_REPLAY): Promise<ReplayStart> {
  const latest = await lastEventId(db, documentId);
  if (seen === null || seen === latest) return { cursor: latest, reload: false };
  if (seen > latest) {
    // Ids are shared by every document: an id above this document's latest is fine as long as
    // the database has reached it.
    const top = await db.selectFrom("events").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst();
    return Number(top?.id ?? 0) >= seen ? { cursor: latest, reload: false } : { cursor: latest, reload: true };
  }
  const missed = await db
    .selectFrom("events")
    .select("id")
    .where("document_id", "=", documentId)
    .where("id", ">", seen)
    .orderBy("id")
    .limit(max + 1)
    .execute();
  return missed.length > max ? { cursor: latest, reload: true } : { cursor: seen, reload: false };
}

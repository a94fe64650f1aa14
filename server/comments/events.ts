/// The live event of comment threads: `threads.changed`, carrying the threads as they now stand
/// (new, answered, resolved, reopened, moved or made stale by a change to their paragraph).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { appendEvent } from "../events/store";
import { listThreads } from "./views";

export const THREADS_EVENT = "threads.changed";

/// Appends the event for these threads, in the caller's transaction (nothing when there are none).
export async function threadsChanged(trx: Kysely<Database>, documentId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await appendEvent(trx, documentId, THREADS_EVENT, { threads: await listThreads(trx, documentId, { ids }) });
}

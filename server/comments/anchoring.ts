/// Keeping comment threads on their words while their paragraph changes, in the transaction of
/// the change: an accepted suggestion or a revert moves the threads after it and makes stale
/// those whose words it replaced (lib/comments/anchor.ts); a revert anchors again the threads
/// that the reverted change had overtaken, where their words stand again; a re-import that
/// replaces or removes a paragraph makes its threads stale.
import "server-only";
import type { Kysely } from "kysely";
import { anchorAfterRevert, moveAnchor } from "../../lib/comments/anchor";
import type { Change } from "../../lib/corrections/change";
import type { Database } from "../db/schema";

/// Follows `change`, applied as `revision` of the paragraph, with every anchored thread of the
/// paragraph. When the change reverts an earlier one (`reverting`: that change's revision and
/// where it began), the threads it had made stale are anchored again where possible. Returns
/// the ids of the threads written, for the caller's event.
export async function followChange(
  trx: Kysely<Database>,
  paragraphId: number,
  change: Change,
  revision: number,
  reverting?: { revision: number; start: number; text: string },
): Promise<number[]> {
  const threads = await trx
    .selectFrom("threads")
    .select(["id", "start", "end", "quote", "base_revision", "stale_revision"])
    .where("paragraph_id", "=", paragraphId)
    .where((eb) => eb.or([eb("stale_revision", "is", null), ...(reverting ? [eb("stale_revision", "=", reverting.revision)] : [])]))
    .execute();
  const touched: number[] = [];
  for (const t of threads) {
    if (t.stale_revision !== null) {
      // Overtaken by the change now reverted: its span refers to the text just before that change.
      if (!reverting || t.base_revision !== reverting.revision - 1) continue;
      const span = anchorAfterRevert(t, reverting.start, change.start, reverting.text);
      if (!span) continue;
      await trx.updateTable("threads").set({ ...span, base_revision: revision, stale_revision: null }).where("id", "=", t.id).execute();
      touched.push(t.id);
      continue;
    }
    const move = moveAnchor(t, change);
    if (move.kind === "stale") {
      await trx.updateTable("threads").set({ stale_revision: revision }).where("id", "=", t.id).execute();
    } else {
      const span = move.kind === "moved" ? { start: move.start, end: move.end } : {};
      await trx
        .updateTable("threads")
        .set({ ...span, base_revision: revision })
        .where("id", "=", t.id)
        .execute();
    }
    touched.push(t.id);
  }
  return touched;
}

/// Makes stale the anchored threads of a paragraph whose whole text was replaced (a re-import
/// that changed it, as `revision`) or that is gone (removed: `revision` is its last one).
export async function staleThreadsOf(trx: Kysely<Database>, paragraphId: number, revision: number): Promise<void> {
  await trx.updateTable("threads").set({ stale_revision: revision }).where("paragraph_id", "=", paragraphId).where("stale_revision", "is", null).execute();
}

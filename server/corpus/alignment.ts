/// A stored document's alignment: reading it, repairing it by hand (each change a window of
/// beads kept in history, revertible, and sent live to every viewer), and its history.
import "server-only";
import type { Kysely, Selectable, Transaction } from "kysely";
import {
  AlignmentEditError,
  applyAlignmentEdit,
  isOneToOne,
  oneToOne,
  revertWindow,
  withWindow,
  type AlignedBead,
  type AlignmentEdit,
  type AlignmentChangeView,
  type AlignmentWindow,
} from "../../lib/corpus/alignment";
import type { Actor } from "../audit";
import { inTurn } from "../corrections/workflow";
import type { Db } from "../db/connection";
import type { AlignmentChangeTable, Database } from "../db/schema";
import { appendEvent } from "../events/store";

type Trx = Transaction<Database>;

/// The beads of a document: the stored ones, or one to one over the French paragraphs (the
/// shorter side's surplus as one-sided beads) when none are stored.
export function beadsOf(stored: string | null, counts: { fr: number; en: number }): AlignedBead[] {
  if (stored) return JSON.parse(stored) as AlignedBead[];
  const beads = oneToOne(Math.min(counts.fr, counts.en));
  for (let i = beads.length; i < counts.fr; i++) beads.push({ fr: [i], en: [] });
  for (let i = beads.length; i < counts.en; i++) beads.push({ fr: [], en: [i] });
  return beads;
}

/// The column value for beads: null when they are one line to one line.
export function storedAlignment(beads: readonly AlignedBead[] | null): string | null {
  return beads === null || isOneToOne(beads) ? null : JSON.stringify(beads);
}

async function liveCounts(trx: Kysely<Database>, documentId: number) {
  const rows = await trx
    .selectFrom("paragraphs")
    .select(["lang", (eb) => eb.fn.countAll<number>().as("n")])
    .where("document_id", "=", documentId)
    .where("removed", "=", 0)
    .groupBy("lang")
    .execute();
  const counts = { fr: 0, en: 0 };
  for (const r of rows) counts[r.lang] = Number(r.n);
  return counts;
}

/// The document's beads as stored now.
export async function documentBeads(db: Kysely<Database>, documentId: number): Promise<AlignedBead[]> {
  const doc = await db.selectFrom("documents").select("alignment").where("id", "=", documentId).executeTakeFirstOrThrow();
  return beadsOf(doc.alignment, await liveCounts(db, documentId));
}

type ChangeRow = Selectable<AlignmentChangeTable>;

function changeView(r: ChangeRow): AlignmentChangeView {
  return {
    id: r.id,
    kind: r.kind,
    window: { at: r.at, before: JSON.parse(r.before), after: JSON.parse(r.after) },
    by: r.actor_name,
    at: r.made_at,
    reverts: r.reverts,
    revertedBy: r.reverted_by,
  };
}

/// Writes a change of the alignment: the new beads, a history entry and the live event.
export async function recordAlignmentChange(
  trx: Trx,
  documentId: number,
  beads: readonly AlignedBead[],
  window: AlignmentWindow,
  kind: string,
  actor: Actor | { id: null; name: string },
  reverts: number | null = null,
): Promise<{ beads: AlignedBead[]; change: AlignmentChangeView }> {
  const next = withWindow(beads, window);
  const at = new Date().toISOString();
  await trx.updateTable("documents").set({ alignment: storedAlignment(next) }).where("id", "=", documentId).execute();
  const row = await trx
    .insertInto("alignment_changes")
    .values({
      document_id: documentId,
      kind,
      at: window.at,
      before: JSON.stringify(window.before),
      after: JSON.stringify(window.after),
      actor_id: actor.id,
      actor_name: actor.name,
      made_at: at,
      reverts,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (reverts !== null) await trx.updateTable("alignment_changes").set({ reverted_by: row.id }).where("id", "=", reverts).execute();
  const change = changeView(row);
  await appendEvent(trx, documentId, "alignment.changed", { beads: next, change, reverted: reverts });
  return { beads: next, change };
}

/// Applies a hand repair. Throws AlignmentEditError when it does not fit the current beads.
export async function editAlignment(db: Db, documentId: number, edit: AlignmentEdit, actor: Actor | { id: null; name: string }) {
  return inTurn(db, async (trx) => {
    const beads = await lockedBeads(trx, db, documentId);
    return recordAlignmentChange(trx, documentId, beads, applyAlignmentEdit(beads, edit), edit.kind, actor);
  });
}

/// Reverts one change of the alignment as a new change. Throws AlignmentEditError (`conflict`)
/// when later changes touched the same beads, `noSuchChange` or `alreadyReverted`.
export async function revertAlignmentChange(db: Db, documentId: number, changeId: number, actor: Actor | { id: null; name: string }) {
  return inTurn(db, async (trx) => {
    const row = await trx.selectFrom("alignment_changes").selectAll().where("id", "=", changeId).where("document_id", "=", documentId).executeTakeFirst();
    if (!row) throw new AlignmentEditError("noSuchChange", `there is no alignment change ${changeId}`);
    if (row.reverted_by !== null) throw new AlignmentEditError("alreadyReverted", `alignment change ${changeId} was reverted already`);
    const beads = await lockedBeads(trx, db, documentId);
    return recordAlignmentChange(trx, documentId, beads, revertWindow(beads, changeView(row).window), "revert", actor, row.id);
  });
}

async function lockedBeads(trx: Trx, db: Db, documentId: number) {
  let q = trx.selectFrom("documents").select("alignment").where("id", "=", documentId);
  if (db.dialect === "postgres") q = q.forUpdate();
  const doc = await q.executeTakeFirstOrThrow();
  return beadsOf(doc.alignment, await liveCounts(trx, documentId));
}

/// The document's alignment changes, newest first.
export async function alignmentHistory(db: Kysely<Database>, documentId: number, limit = 200): Promise<AlignmentChangeView[]> {
  const rows = await db.selectFrom("alignment_changes").selectAll().where("document_id", "=", documentId).orderBy("id", "desc").limit(limit).execute();
  return rows.map(changeView);
}

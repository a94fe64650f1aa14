/// The background Grammalecte pass of a document: after an import (and whenever a paragraph's
/// text changed since), the paragraphs whose Grammalecte flags are out of date are checked in
/// batches, one Grammalecte process per batch, never blocking a request. Each batch's flags are
/// stored and sent to open viewers as they are ready, with the job's progress (`checks.job`).
import "server-only";
import type { Kysely } from "kysely";
import type { CheckJobView } from "../../lib/flags/view";
import type { Db } from "../db/connection";
import type { Database } from "../db/schema";
import { inTurn } from "../corrections/workflow";
import { appendEvent } from "../events/store";
import { hub } from "../events/hub";
import { grammarEngine } from "./grammar-env";
import { announce, documentTexts, ENGINE_RULES, paragraphFlags, storeFlags } from "./store";


/// A batch holds at most this many characters of French (or BATCH_PARAGRAPHS paragraphs).
const BATCH_CHARS = 40_000;
const BATCH_PARAGRAPHS = 200;

/// The pass starts this long after it is asked for: Grammalecte is slow to start and keeps a core
/// busy, so interactive work (a burst of accepts, the viewers' live updates) goes first.
const START_DELAY_MS = 2000;

const running = new Map<number, Promise<void>>();
const again = new Set<number>();

/// The stored state of a document's Grammalecte pass.
export async function jobView(db: Kysely<Database>, documentId: number): Promise<CheckJobView> {
  // Installed or not is what the server has now, whatever an earlier pass found.
  if (!(await grammarEngine())) return { engine: "grammalecte", status: "unavailable", done: 0, total: 0 };
  const row = await db.selectFrom("check_jobs").selectAll().where("document_id", "=", documentId).where("engine", "=", "grammalecte").executeTakeFirst();
  if (!row) return { engine: "grammalecte", status: "idle", done: 0, total: 0 };
  return { engine: "grammalecte", status: row.status as CheckJobView["status"], done: row.done, total: row.total };
}

async function setJob(db: Db, documentId: number, job: Omit<CheckJobView, "engine">, error: string | null = null): Promise<void> {
  const before = await jobView(db.kysely, documentId);
  if (before.status === job.status && before.done === job.done && before.total === job.total) return;
  const values = { status: job.status, done: job.done, total: job.total, error, updated_at: new Date().toISOString() };
  await inTurn(db, async (trx) => {
    await trx
      .insertInto("check_jobs")
      .values({ document_id: documentId, engine: "grammalecte", ...values })
      .onConflict((oc) => oc.columns(["document_id", "engine"]).doUpdateSet(values))
      .execute();
    await appendEvent(trx, documentId, "checks.job", { job: { engine: "grammalecte", ...job } });
  });
  await hub().publish(documentId);
}

/// Starts the document's Grammalecte pass unless it is running in this process already (then it
/// looks again for out-of-date paragraphs when it is done). Returns at once.
export function checkJob(db: Db, documentId: number): void {
  if (running.has(documentId)) {
    again.add(documentId);
    return;
  }
  const job = run(db, documentId)
    .catch((e) => console.error(`checks: Grammalecte pass of document ${documentId} failed:`, (e as Error).message))
    .finally(() => {
      running.delete(documentId);
      if (again.delete(documentId)) checkJob(db, documentId);
    });
  running.set(documentId, job);
}

/// Waits for the document's running pass, if any (tests, shutdown).
export async function jobSettled(documentId: number): Promise<void> {
  while (running.has(documentId)) await running.get(documentId);
}

async function run(db: Db, documentId: number): Promise<void> {
  const engine = await grammarEngine();
  if (engine) await new Promise((resolve) => setTimeout(resolve, START_DELAY_MS).unref());
  if (!engine) return setJob(db, documentId, { status: "unavailable", done: 0, total: 0 });
  const k = db.kysely;
  const [{ fr, input }, stored] = await Promise.all([
    documentTexts(k, documentId),
    k.selectFrom("paragraph_flags").select(["paragraph_id", "revision"]).where("document_id", "=", documentId).where("engine", "=", "grammalecte").execute(),
  ]);
  const done = new Map(stored.map((s) => [s.paragraph_id, s.revision]));
  const todo = fr.map((p, i) => ({ p, i })).filter(({ p }) => done.get(p.id) !== p.revision);
  if (todo.length === 0) return;
  const total = todo.length;
  let checked = 0;
  await setJob(db, documentId, { status: "running", done: 0, total });
  try {
    while (checked < total) {
      const batch: number[] = [];
      let chars = 0;
      while (checked + batch.length < total && batch.length < BATCH_PARAGRAPHS && (batch.length === 0 || chars < BATCH_CHARS)) {
        const { i } = todo[checked + batch.length];
        batch.push(i);
        chars += input.fr[i].length;
      }
      const flags = (await engine.check(input, batch)).filter((f) => ENGINE_RULES.grammalecte.includes(f.rule));
      checked += batch.length;
      await inTurn(db, async (trx) => {
        const now = new Map((await trx.selectFrom("paragraphs").select(["id", "revision"]).where("id", "in", batch.map((i) => fr[i].id)).execute()).map((r) => [r.id, r.revision]));
        const current = batch.filter((i) => now.get(fr[i].id) === fr[i].revision);
        await storeFlags(
          trx,
          documentId,
          "grammalecte",
          "grammalecte",
          current.map((i) => ({ paragraphId: fr[i].id, revision: fr[i].revision, flags: flags.filter((f) => f.paragraph === i).map((f) => ({ ...f, paragraph: fr[i].position })) })),
        );
        const views = await paragraphFlags(trx, current.map((i) => fr[i].id));
        if (views.some((v) => v.flags.some((f) => f.engine === "grammalecte"))) await announce(trx, documentId, views.filter((v) => v.flags.some((f) => f.engine === "grammalecte")));
      });
      await setJob(db, documentId, { status: checked < total ? "running" : "done", done: checked, total });
    }
  } catch (e) {
    await setJob(db, documentId, { status: "failed", done: checked, total }, (e as Error).message);
    throw e;
  }
}

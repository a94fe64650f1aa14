/// The correction workflow: suggest, accept, reject, revert, comment. Canonical text changes
/// only when a suggestion is accepted, in one transaction that applies the change, bumps the
/// revision, maps every other open suggestion of the paragraph through it (shifted, or stale when
/// they overlap), writes history and events, and offers the same fix wherever the wrong text
/// recurs. Callers publish the returned document ids to the event hub after the commit.
import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { applyChange, type Change } from "../../lib/corrections/change";
import { mapSpan } from "../../lib/corrections/mapping";
import type { ProposalOutcome, ProposalPlace } from "../../lib/corrections/proposal";
import { mentionSpans } from "../../lib/notifications/view";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db/connection";
import type { Database } from "../db/schema";
import { mapDismissals } from "../checks/store";
import { appendEvent } from "../events/store";
import { followChange } from "../comments/anchoring";
import { threadsChanged } from "../comments/events";
import { commentNotifications, decisionNotification, notify } from "../notifications/store";
import { CorrectionError } from "./errors";
import type { SuggestionView } from "../../lib/corrections/views";
import { propagate } from "./propagation";
import { listSuggestions, revisionView } from "./views";

export type Trx = Transaction<Database>;

/// A write that appends document events (corrections, alignment, checks), in a transaction of its
/// own. On PostgreSQL the writes take turns (a transaction-scoped advisory lock, taken before any
/// row lock), so event ids commit in the
/// order they are drawn: a live stream reads "events after the last id I sent", and an event
/// whose transaction committed after one with a higher id would never be sent. SQLite runs one
/// write at a time anyway.
export function inTurn<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === "postgres") await sql`select pg_advisory_xact_lock(${0x76766576}, hashtext(current_schema()))`.execute(trx);
    return work(trx);
  });
}

/// `work` inside the caller's transaction when there is one (a replay runs as one), else in a
/// transaction of its own, in turn.
function inTurnOr<T>(db: Db, trxIn: Trx | undefined, work: (trx: Trx) => Promise<T>): Promise<T> {
  return trxIn ? work(trxIn) : inTurn(db, work);
}

/// Who acts: an account, or a named source with no account (an imported corrections file).
export type Author = Actor | { id: null; name: string };

/// One span to change in a paragraph, as the editor computed it from the reader's draft.
export interface FixInput {
  start: number;
  end: number;
  deleted: string;
  inserted: string;
}

export interface SuggestInput {
  documentId: number;
  paragraphId: number;
  /// The revision the fixes' offsets refer to (the one the corrector was editing).
  baseRevision: number;
  fixes: FixInput[];
  category: string;
  severity: string;
  note?: string;
  author: Author;
  /// For imports: the original creation time.
  createdAt?: string;
  sameFixAs?: number | null;
  /// Record a fix even when an open suggestion already makes it (imports, propagation); otherwise
  /// such a fix is refused with `duplicate`, naming the existing suggestion to support instead.
  allowDuplicate?: boolean;
}

/// What a workflow step changed, for the caller to publish after the commit.
export interface Outcome<T> {
  value: T;
  documents: number[];
}

async function lockedParagraph(trx: Trx, db: Db, documentId: number, paragraphId: number) {
  let q = trx
    .selectFrom("paragraphs")
    .selectAll()
    .where("id", "=", paragraphId)
    .where("document_id", "=", documentId)
    .where("lang", "=", "fr")
    .where("removed", "=", 0);
  if (db.dialect === "postgres") q = q.forUpdate();
  const p = await q.executeTakeFirst();
  if (!p) throw new CorrectionError("unknownParagraph", `no French paragraph ${paragraphId} in this document`, { id: paragraphId });
  return p;
}

/// The changes applied to a paragraph after `revision`, oldest first.
async function changesSince(trx: Trx, paragraphId: number, revision: number): Promise<Change[]> {
  const rows = await trx
    .selectFrom("revisions")
    .select(["start", "end", "inserted"])
    .where("paragraph_id", "=", paragraphId)
    .where("revision", ">", revision)
    .orderBy("revision")
    .execute();
  return rows;
}

/// Records new suggestions on one paragraph. Offsets made against an older revision are mapped
/// through the changes since; a fix that overlapped one of them is refused (`paragraphChanged`).
export async function suggest(db: Db, input: SuggestInput, trxIn?: Trx): Promise<Outcome<SuggestionView[]>> {
  const run = async (trx: Trx) => {
    if (input.fixes.length === 0) throw new CorrectionError("emptyChange", "nothing to suggest: the text is unchanged");
    const p = await lockedParagraph(trx, db, input.documentId, input.paragraphId);
    const later = input.baseRevision < p.revision ? await changesSince(trx, p.id, input.baseRevision) : [];
    if (input.baseRevision > p.revision) {
      throw new CorrectionError("paragraphChanged", "the paragraph has no such revision", { revision: p.revision });
    }
    const now = input.createdAt ?? new Date().toISOString();
    const ids: number[] = [];
    for (const given of input.fixes) {
      // Canonical text is NFC and one line: a fix may not break either.
      const fix = { ...given, inserted: given.inserted.normalize("NFC") };
      if (fix.deleted === fix.inserted) throw new CorrectionError("emptyChange", "a fix must change something");
      if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(fix.inserted)) {
        throw new CorrectionError("textMismatch", "a fix cannot insert a line break or a control character");
      }
      if (!(Number.isSafeInteger(fix.start) && Number.isSafeInteger(fix.end) && 0 <= fix.start && fix.start <= fix.end)) {
        throw new CorrectionError("textMismatch", `${fix.start}–${fix.end} is not a span of the paragraph`, { start: fix.start, end: fix.end });
      }
      let span: { start: number; end: number } | null = { start: fix.start, end: fix.end };
      for (const change of later) span = span && mapSpan(span, change);
      if (!span) throw new CorrectionError("paragraphChanged", "the paragraph changed where you were editing; open it again", { revision: p.revision });
      if (span.end > p.text.length || p.text.slice(span.start, span.end) !== fix.deleted) {
        throw new CorrectionError("textMismatch", `the text at ${span.start}–${span.end} is not "${fix.deleted}"`, { start: span.start, end: span.end });
      }
      if (!input.allowDuplicate) await refuseDuplicate(trx, input.documentId, p.id, span, fix.inserted);
      const { id } = await trx
        .insertInto("suggestions")
        .values({
          document_id: input.documentId,
          paragraph_id: p.id,
          base_revision: p.revision,
          start: span.start,
          end: span.end,
          created_revision: input.baseRevision,
          created_start: fix.start,
          created_end: fix.end,
          deleted: fix.deleted,
          inserted: fix.inserted,
          category: input.category,
          severity: input.severity,
          note: input.note ?? "",
          status: "open",
          author_id: input.author.id,
          author_name: input.author.name,
          created_at: now,
          same_fix_as: input.sameFixAs ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
    }
    const created = await listSuggestions(trx, input.documentId, ids);
    await appendEvent(trx, input.documentId, "suggestions.created", { suggestions: created });
    return { value: created, documents: [input.documentId] };
  };
  return inTurnOr(db, trxIn, run);
}

/// Refuses a fix that an open suggestion of the paragraph already makes (same span, same words).
async function refuseDuplicate(trx: Trx, documentId: number, paragraphId: number, span: { start: number; end: number }, inserted: string) {
  const same = await trx
    .selectFrom("suggestions")
    .select("id")
    .where("paragraph_id", "=", paragraphId)
    .where("status", "=", "open")
    .where("start", "=", span.start)
    .where("end", "=", span.end)
    .where("inserted", "=", inserted)
    .orderBy("id")
    .executeTakeFirst();
  if (!same) return;
  const [existing] = await listSuggestions(trx, documentId, [same.id]);
  throw new CorrectionError("duplicate", `the same fix is already proposed as #${same.id}`, { id: same.id, author: existing.author }, { suggestion: existing });
}

/// Adds `supporter` to the supporters of an open suggestion (the +1 of someone who would have
/// proposed the same fix). Supporting twice changes nothing.
export async function support(db: Db, input: { documentId: number; suggestionId: number; supporter: Actor; at?: string }): Promise<Outcome<SuggestionView>> {
  return inTurn(db, async (trx) => {
    const s = await trx
      .selectFrom("suggestions")
      .select(["id", "status", "decided_by_name", "stale_because"])
      .where("id", "=", input.suggestionId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!s) throw new CorrectionError("unknownSuggestion", `no suggestion ${input.suggestionId} in this document`, { id: input.suggestionId });
    if (s.status !== "open") {
      throw new CorrectionError("conflict", `suggestion #${s.id} is ${s.status}`, { id: s.id, status: s.status, by: s.decided_by_name, staleBecause: s.stale_because });
    }
    const added = await trx
      .insertInto("suggestion_supporters")
      .values({ suggestion_id: s.id, user_id: input.supporter.id, user_name: input.supporter.name, created_at: input.at ?? new Date().toISOString() })
      .onConflict((oc) => oc.columns(["suggestion_id", "user_name"]).doNothing())
      .executeTakeFirst();
    const [view] = await listSuggestions(trx, input.documentId, [s.id]);
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return { value: view, documents: [] };
    await appendEvent(trx, input.documentId, "suggestion.supported", { suggestion: view });
    await recordAudit(trx, { actor: input.supporter, action: "suggestion.support", target: `#${s.id}`, detail: { document: input.documentId } });
    return { value: view, documents: [input.documentId] };
  });
}

export interface AcceptResult {
  suggestion: SuggestionView;
  paragraph: { id: number; position: number; text: string; revision: number };
  /// Other suggestions of the paragraph now marked stale.
  stale: number[];
  /// The places where the same fix is now offered (one grouped proposal, at most MAX_RECURRENCES).
  propagated: ProposalPlace[];
  /// How many places were offered, or why none were.
  proposal: ProposalOutcome;
}

/// Accepts an open suggestion. A suggestion that is no longer open (accepted, rejected, or made
/// stale by a competing one that was accepted first) is refused with `conflict`, naming what
/// happened to it; nothing is lost.
export async function accept(
  db: Db,
  input: { documentId: number; suggestionId: number; actor: Author; address?: string | null; propagate?: boolean; at?: string },
  trxIn?: Trx,
): Promise<Outcome<AcceptResult>> {
  return inTurnOr(db, trxIn, async (trx) => {
    const first = await trx
      .selectFrom("suggestions")
      .select(["paragraph_id"])
      .where("id", "=", input.suggestionId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!first) throw new CorrectionError("unknownSuggestion", `no suggestion ${input.suggestionId} in this document`, { id: input.suggestionId });
    // Lock the paragraph first, then read the suggestion: a concurrent accept has committed by now.
    const p = await lockedParagraph(trx, db, input.documentId, first.paragraph_id);
    const s = await trx.selectFrom("suggestions").selectAll().where("id", "=", input.suggestionId).executeTakeFirstOrThrow();
    if (s.status !== "open" || s.base_revision !== p.revision || p.text.slice(s.start, s.end) !== s.deleted) {
      throw new CorrectionError("conflict", `suggestion #${s.id} is ${s.status === "open" ? "out of date" : s.status}`, {
        id: s.id,
        status: s.status,
        by: s.decided_by_name,
        staleBecause: s.stale_because,
      });
    }
    const at = input.at ?? new Date().toISOString();
    const change: Change = { start: s.start, end: s.end, inserted: s.inserted };
    const { text, revision, threads } = await changeParagraph(trx, p, change, { kind: "accept", suggestionId: s.id, actor: input.actor, at });
    await trx
      .updateTable("suggestions")
      .set({ status: "accepted", decided_by_id: input.actor.id, decided_by_name: input.actor.name, decided_at: at, base_revision: revision })
      .where("id", "=", s.id)
      .execute();
    const stale = await mapOpenSuggestions(trx, p.id, s.id, change, revision, at);
    await notify(trx, decisionNotification(s, { kind: "accepted", actor: input.actor, at }));
    const [view] = await listSuggestions(trx, input.documentId, [s.id]);
    const paragraph = { id: p.id, position: p.position, text, revision };
    // Viewers move the other open suggestions through `change` themselves (the same mapSpan).
    await appendEvent(trx, input.documentId, "suggestion.accepted", { suggestion: view, paragraph, change, stale });
    await threadsChanged(trx, input.documentId, threads);
    if (input.actor.id !== null) {
      await recordAudit(trx, { actor: input.actor, action: "suggestion.accept", target: `#${s.id}`, detail: { document: input.documentId }, address: input.address });
    }
    const propagated =
      input.propagate === false ? { places: [], outcome: { fix: s.id, count: 0 }, documents: [] } : await propagate(db, trx, s, p.text, at);
    return {
      value: { suggestion: view, paragraph, stale, propagated: propagated.places, proposal: propagated.outcome },
      documents: [...new Set([input.documentId, ...propagated.documents])],
    };
  });
}

/// Applies a change to a paragraph's canonical text as its next revision, and writes that
/// revision to the history.
async function changeParagraph(
  trx: Trx,
  p: { id: number; document_id: number; text: string; revision: number },
  change: Change,
  why: { kind: "accept" | "revert"; suggestionId: number | null; actor: Author; at: string; reverting?: { revision: number; start: number } },
): Promise<{ text: string; revision: number; threads: number[] }> {
  const text = applyChange(p.text, change);
  const revision = p.revision + 1;
  await trx.updateTable("paragraphs").set({ text, revision }).where("id", "=", p.id).execute();
  await trx
    .insertInto("revisions")
    .values({
      paragraph_id: p.id,
      document_id: p.document_id,
      revision,
      kind: why.kind,
      start: change.start,
      end: change.end,
      deleted: p.text.slice(change.start, change.end),
      inserted: change.inserted,
      text_before: p.text,
      text_after: text,
      suggestion_id: why.suggestionId,
      actor_id: why.actor.id,
      actor_name: why.actor.name,
      at: why.at,
    })
    .execute();
  await mapDismissals(trx, p.id, change, revision, why.at);
  // Comment threads follow too; the caller appends their event after its own.
  const threads = await followChange(trx, p.id, change, revision, why.reverting && { ...why.reverting, text });
  return { text, revision, threads };
}

/// Moves every other open suggestion of the paragraph through an accepted change; those it
/// overlapped become stale. Returns the ids made stale. A change moves every suggestion after it
/// by the same amount, so whatever their number this is three statements.
async function mapOpenSuggestions(trx: Trx, paragraphId: number, causeId: number | null, change: Change, revision: number, at: string): Promise<number[]> {
  const open = await trx
    .selectFrom("suggestions")
    .select(["id", "start", "end"])
    .where("paragraph_id", "=", paragraphId)
    .where("status", "=", "open")
    .execute();
  const delta = change.inserted.length - (change.end - change.start);
  const stale: number[] = [];
  const kept: number[] = [];
  const shifted: number[] = [];
  for (const o of open) {
    const mapped = mapSpan(o, change);
    if (!mapped) stale.push(o.id);
    else if (mapped.start === o.start && mapped.end === o.end) kept.push(o.id);
    else if (mapped.start === o.start + delta && mapped.end === o.end + delta) shifted.push(o.id);
    else throw new Error(`mapping moved suggestion ${o.id} by other than the change's length`);
  }
  const inChunks = async (ids: number[], update: (chunk: number[]) => Promise<unknown>) => {
    for (let i = 0; i < ids.length; i += 500) await update(ids.slice(i, i + 500));
  };
  await inChunks(kept, (ids) => trx.updateTable("suggestions").set({ base_revision: revision }).where("id", "in", ids).execute());
  await inChunks(shifted, (ids) =>
    trx
      .updateTable("suggestions")
      .set((eb) => ({ start: eb("start", "+", delta), end: eb("end", "+", delta), base_revision: revision }))
      .where("id", "in", ids)
      .execute(),
  );
  await inChunks(stale, (ids) =>
    trx.updateTable("suggestions").set({ status: "stale", stale_because: causeId, decided_at: at }).where("id", "in", ids).execute(),
  );
  return stale;
}

/// Rejects an open (or stale) suggestion with a reason.
export async function reject(
  db: Db,
  input: { documentId: number; suggestionId: number; actor: Author; reason: string; address?: string | null; at?: string },
  trxIn?: Trx,
): Promise<Outcome<SuggestionView>> {
  const reason = input.reason.trim();
  if (!reason) throw new CorrectionError("reasonRequired", "a rejection needs a reason");
  return inTurnOr(db, trxIn, async (trx) => {
    const s = await trx
      .selectFrom("suggestions")
      .select(["id", "status", "decided_by_name", "document_id", "author_id"])
      .where("id", "=", input.suggestionId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!s) throw new CorrectionError("unknownSuggestion", `no suggestion ${input.suggestionId} in this document`, { id: input.suggestionId });
    if (s.status !== "open" && s.status !== "stale") {
      throw new CorrectionError("conflict", `suggestion #${s.id} is ${s.status}`, { id: s.id, status: s.status, by: s.decided_by_name, staleBecause: null });
    }
    const at = input.at ?? new Date().toISOString();
    await trx
      .updateTable("suggestions")
      .set({ status: "rejected", reason, decided_by_id: input.actor.id, decided_by_name: input.actor.name, decided_at: at })
      .where("id", "=", s.id)
      .execute();
    await notify(trx, decisionNotification(s, { kind: "rejected", actor: input.actor, reason, at }));
    const [view] = await listSuggestions(trx, input.documentId, [s.id]);
    await appendEvent(trx, input.documentId, "suggestion.rejected", { suggestion: view });
    if (input.actor.id !== null) {
      await recordAudit(trx, { actor: input.actor, action: "suggestion.reject", target: `#${s.id}`, detail: { document: input.documentId, reason }, address: input.address });
    }
    return { value: view, documents: [input.documentId] };
  });
}

/// Reverts an accepted change: a new revision that restores the replaced words, never a rewrite
/// of history. Refused when a later accepted change overlapped the words since.
export async function revert(
  db: Db,
  input: { documentId: number; revisionId: number; actor: Author; address?: string | null; at?: string },
  trxIn?: Trx,
): Promise<Outcome<AcceptResult["paragraph"]>> {
  return inTurnOr(db, trxIn, async (trx) => {
    const r = await trx
      .selectFrom("revisions")
      .selectAll()
      .where("id", "=", input.revisionId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!r) throw new CorrectionError("unknownRevision", `no revision ${input.revisionId} in this document`, { id: input.revisionId });
    if (r.kind !== "accept") throw new CorrectionError("notRevertable", "only an accepted suggestion can be reverted");
    if (r.reverted_by_revision !== null) throw new CorrectionError("alreadyReverted", "this change was reverted already", { revision: r.reverted_by_revision });
    const p = await lockedParagraph(trx, db, input.documentId, r.paragraph_id);
    let span: { start: number; end: number } | null = { start: r.start, end: r.start + r.inserted.length };
    for (const change of await changesSince(trx, p.id, r.revision)) span = span && mapSpan(span, change);
    if (!span || p.text.slice(span.start, span.end) !== r.inserted) {
      throw new CorrectionError("notRevertable", "later changes overlap these words; revert those first");
    }
    const at = input.at ?? new Date().toISOString();
    const change: Change = { start: span.start, end: span.end, inserted: r.deleted };
    const { text, revision, threads } = await changeParagraph(trx, p, change, {
      kind: "revert",
      suggestionId: r.suggestion_id,
      actor: input.actor,
      at,
      reverting: { revision: r.revision, start: r.start },
    });
    await trx.updateTable("revisions").set({ reverted_by_revision: revision }).where("id", "=", r.id).execute();
    if (r.suggestion_id !== null) {
      await trx.updateTable("suggestions").set({ reverted_at: at, reverted_by_name: input.actor.name }).where("id", "=", r.suggestion_id).execute();
    }
    const stale = await mapOpenSuggestions(trx, p.id, null, change, revision, at);
    const reopened = r.suggestion_id === null ? [] : await reopenOvertaken(trx, input.documentId, r, change.start, text, revision);
    const paragraph = { id: p.id, position: p.position, text, revision };
    const reverted = await trx.selectFrom("revisions").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow();
    await appendEvent(trx, input.documentId, "revision.reverted", {
      paragraph,
      revision: revisionView(reverted),
      change,
      stale,
      suggestion: r.suggestion_id === null ? null : (await listSuggestions(trx, input.documentId, [r.suggestion_id]))[0],
      reopened,
    });
    await threadsChanged(trx, input.documentId, threads);
    if (input.actor.id !== null) {
      await recordAudit(trx, { actor: input.actor, action: "revision.revert", target: `r${r.id}`, detail: { document: input.documentId }, address: input.address });
    }
    return { value: paragraph, documents: [input.documentId] };
  });
}

/// Reopens the suggestions that the reverted change had overtaken (made stale when it was accepted)
/// wherever their words stand again, unchanged, in the reverted text: the revert puts back the
/// words they were made against, so they apply again. Those whose words changed since stay stale.
async function reopenOvertaken(
  trx: Trx,
  documentId: number,
  r: { paragraph_id: number; suggestion_id: number | null; revision: number; start: number },
  revertStart: number,
  text: string,
  revision: number,
): Promise<SuggestionView[]> {
  const overtaken = await trx
    .selectFrom("suggestions")
    .select(["id", "start", "end", "deleted", "base_revision"])
    .where("paragraph_id", "=", r.paragraph_id)
    .where("status", "=", "stale")
    .where("stale_because", "=", r.suggestion_id)
    .execute();
  const ids: number[] = [];
  for (const o of overtaken) {
    // Made stale by the accept, a stale suggestion keeps the span it had in the text just before
    // it; the revert restored that text from `revertStart` on where the accepted change began.
    if (o.base_revision !== r.revision - 1) continue;
    const start = revertStart + (o.start - r.start);
    const end = revertStart + (o.end - r.start);
    if (start < 0 || end > text.length || text.slice(start, end) !== o.deleted) continue;
    await trx
      .updateTable("suggestions")
      .set({ status: "open", stale_because: null, decided_at: null, start, end, base_revision: revision })
      .where("id", "=", o.id)
      .execute();
    ids.push(o.id);
  }
  return listSuggestions(trx, documentId, ids);
}

/// Accounts mentioned as @name in a comment.
export async function mentionedUsers(trx: Kysely<Database>, text: string): Promise<Array<{ id: number; name: string }>> {
  const names = [...new Set(mentionSpans(text).flatMap((m) => [m.name, m.raw].map((n) => n.toLocaleLowerCase("und"))))];
  if (names.length === 0) return [];
  return trx.selectFrom("users").select(["id", "name"]).where("name_key", "in", names).execute();
}

/// Adds a comment to a suggestion's thread.
export async function comment(
  db: Db,
  input: { documentId: number; suggestionId: number; author: Author; text: string; at?: string },
  trxIn?: Trx,
): Promise<Outcome<SuggestionView>> {
  const text = input.text.trim();
  if (!text) throw new CorrectionError("emptyChange", "a comment needs some text");
  return inTurnOr(db, trxIn, async (trx) => {
    const s = await trx
      .selectFrom("suggestions")
      .select("id")
      .where("id", "=", input.suggestionId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!s) throw new CorrectionError("unknownSuggestion", `no suggestion ${input.suggestionId} in this document`, { id: input.suggestionId });
    const mentioned = await mentionedUsers(trx, text);
    const at = input.at ?? new Date().toISOString();
    const { id: commentId } = await trx
      .insertInto("comments")
      .values({
        suggestion_id: s.id,
        document_id: input.documentId,
        author_id: input.author.id,
        author_name: input.author.name,
        text,
        mentions: JSON.stringify(mentioned.map((u) => u.name)),
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await notify(
      trx,
      await commentNotifications(trx, {
        documentId: input.documentId,
        suggestionId: s.id,
        commentId,
        authorId: input.author.id,
        authorName: input.author.name,
        text,
        mentioned: mentioned.map((u) => u.id),
        at,
      }),
    );
    const [view] = await listSuggestions(trx, input.documentId, [s.id]);
    await appendEvent(trx, input.documentId, "comment.created", { suggestion: view });
    return { value: view, documents: [input.documentId] };
  });
}

/// The flags of each document as stored: found by the rule registry (lib/checks) for each French
/// paragraph revision, kept per paragraph and engine, recomputed for a paragraph when its text
/// (or the glossary) changes; reviewers' dismissals, anchored to the flagged words; the rules a
/// reviewer switched off for a document. Writes append a `flags.updated` event in the same
/// transaction, so open viewers get the new flags live.
import "server-only";
import type { Kysely, Selectable } from "kysely";
import { checkDocument, ruleRegistry, type CheckEnvironment, type Flag } from "../../lib/checks";
import type { Change } from "../../lib/corrections/change";
import {
  flagKey,
  mapDismissal,
  type DismissalView,
  type DocumentChecks,
  type FlagView,
  type ParagraphFlags,
  type RuleState,
} from "../../lib/flags/view";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db/connection";
import type { Database, FlagDismissalTable } from "../db/schema";
import { inTurn } from "../corrections/workflow";
import { appendEvent } from "../events/store";
import { hub } from "../events/hub";
import { glossaryIndex } from "../glossary/store";
import { FlagError } from "./errors";
import { grammarEngine } from "./grammar-env";
import { checkJob, jobView } from "./jobs";
import { findSpeller, prepareSpeller } from "./speller";

type K = Kysely<Database>;
type Engine = FlagView["engine"];

/// The engines whose flags are stored apart, each with the rules it runs: `fast` (every rule
/// but Grammalecte's and the learned one, run at once), `learned` (the patterns of accepted
/// fixes, which change with every decision in the corpus, so it is re-run on its own, cheaply),
/// and `grammalecte` (the background job, server/checks/jobs.ts).
const LEARNED_RULES = ruleRegistry.filter((r) => r.id.startsWith("learned/")).map((r) => r.id);
const GRAMMAR_RULES = ruleRegistry.filter((r) => r.engine === "grammalecte").map((r) => r.id);
export const ENGINE_RULES: Record<Engine, string[]> = {
  fast: ruleRegistry.filter((r) => !LEARNED_RULES.includes(r.id) && !GRAMMAR_RULES.includes(r.id)).map((r) => r.id),
  learned: LEARNED_RULES,
  grammalecte: GRAMMAR_RULES,
};

/// `checkDocument` options that run exactly the rules of an engine (those off by default too:
/// whether a rule counts is decided per document when reading, so switching one on is instant).
export function engineOptions(engine: Engine, only: number[]) {
  const mine = new Set(ENGINE_RULES[engine]);
  return { only, enabled: [...mine], disabled: ruleRegistry.filter((r) => !mine.has(r.id)).map((r) => r.id) };
}

/// More changed paragraphs than this in one event, and viewers are told to fetch them instead.
const EVENT_LIMIT = 100;

/// What the fast pass reads besides the texts, and a version that changes when it does.
async function fastEnvironment(db: K, texts: () => string[]): Promise<{ env: () => Promise<CheckEnvironment>; version: string }> {
  const [{ index }, count, last] = await Promise.all([
    glossaryIndex(db),
    db.selectFrom("term_entries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("term_entry_history").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst(),
  ]);
  const speller = findSpeller();
  return {
    version: `glossary:${count.n}@${last?.id ?? 0};speller:${speller ? 1 : 0}`,
    // The speller is asked about the words of the paragraphs to check only (two Hunspell runs).
    env: async () => ({
      glossary: index,
      ...(speller ? { speller: await prepareSpeller(texts(), speller).catch((e) => (console.error("checks: speller:", e.message), undefined)) } : {}),
    }),
  };
}

/// What the learned rule reads: the fixes accepted anywhere in the corpus, and the document's
/// open suggestions (a span that already carries the same fix is not flagged).
async function learnedEnvironment(db: K, documentId: number, positionOf: Map<number, number>): Promise<{ env: () => Promise<CheckEnvironment>; version: string }> {
  const [accepted, open] = await Promise.all([
    db.selectFrom("revisions").select(["id", "start", "end", "deleted", "inserted", "text_before", "suggestion_id"]).where("kind", "=", "accept").where("reverted_by_revision", "is", null).orderBy("id").execute(),
    db.selectFrom("suggestions").select(["id", "paragraph_id", "start", "end", "inserted"]).where("document_id", "=", documentId).where("status", "=", "open").orderBy("id").execute(),
  ]);
  const version = `accepted:${accepted.length}@${accepted.at(-1)?.id ?? 0};open:${open.length}@${open.reduce((m, o) => Math.max(m, o.id), 0)}`;
  return {
    version,
    env: async () => ({
      learned: accepted.map((r) => ({
        wrong: r.deleted,
        right: r.inserted,
        context: r.text_before.slice(Math.max(0, r.start - 40), r.end + 40),
        ...(r.suggestion_id !== null ? { suggestion: r.suggestion_id } : {}),
      })),
      openProposals: open.filter((o) => positionOf.has(o.paragraph_id)).map((o) => ({ paragraph: positionOf.get(o.paragraph_id)!, start: o.start, end: o.end, inserted: o.inserted })),
    }),
  };
}

/// The French and English texts of a document, aligned by position, and the French paragraphs.
export async function documentTexts(db: K, documentId: number) {
  const rows = await db
    .selectFrom("paragraphs")
    .select(["id", "lang", "position", "text", "revision"])
    .where("document_id", "=", documentId)
    .where("removed", "=", 0)
    .orderBy("position")
    .execute();
  const fr = rows.filter((r) => r.lang === "fr");
  const en = new Map(rows.filter((r) => r.lang === "en").map((r) => [r.position, r.text]));
  return { fr, input: { fr: fr.map((p) => p.text), en: fr.map((p) => en.get(p.position) ?? "") } };
}

/// Runs the rule registry, never letting a failing rule break the page or the accept that
/// triggered it (the failure is logged and the paragraphs get no flags this time).
export function runChecks(input: { fr: string[]; en: string[] }, env: CheckEnvironment, engine: Engine, only: number[]): Flag[] {
  try {
    return checkDocument(input, env, engineOptions(engine, only));
  } catch (e) {
    console.error("checks: a rule failed:", (e as Error).stack ?? e);
    return [];
  }
}

/// Stores the flags found for some paragraphs by one engine (rows keyed by paragraph and engine).
export async function storeFlags(
  trx: K,
  documentId: number,
  engine: Engine,
  environment: string,
  found: { paragraphId: number; revision: number; flags: Flag[] }[],
): Promise<void> {
  const at = new Date().toISOString();
  for (const f of found) {
    const flags = JSON.stringify(f.flags);
    await trx
      .insertInto("paragraph_flags")
      .values({ paragraph_id: f.paragraphId, engine, document_id: documentId, revision: f.revision, environment, flags, checked_at: at })
      .onConflict((oc) => oc.columns(["paragraph_id", "engine"]).doUpdateSet({ revision: f.revision, environment, flags, checked_at: at }))
      .execute();
  }
}

const chains = new Map<number, Promise<unknown>>();

/// Runs `work` after every earlier refresh of the same document in this process (two requests
/// must not check the same paragraphs twice at once).
function inOrder<T>(documentId: number, work: () => Promise<T>): Promise<T> {
  const next = (chains.get(documentId) ?? Promise.resolve()).catch(() => {}).then(work);
  chains.set(documentId, next);
  void next.finally(() => chains.get(documentId) === next && chains.delete(documentId)).catch(() => {});
  return next;
}

/// Checks again every French paragraph of a document whose stored flags are out of date (new
/// paragraph, new revision, changed glossary, new accepted fixes); stores them and tells open
/// viewers of the paragraphs whose flags changed. Returns the paragraphs checked. Then starts the
/// background Grammalecte pass where it is out of date.
export function refreshFlags(db: Db, documentId: number, options: { grammar?: boolean } = {}): Promise<ParagraphFlags[]> {
  return inOrder(documentId, async () => {
    const k = db.kysely;
    const [{ fr, input }, stored] = await Promise.all([
      documentTexts(k, documentId),
      k.selectFrom("paragraph_flags").select(["paragraph_id", "engine", "revision", "environment", "flags"]).where("document_id", "=", documentId).execute(),
    ]);
    const positionIndex = new Map(fr.map((p, i) => [p.id, i]));
    const checked = new Map<Engine, { version: string; only: number[]; found: Map<number, Flag[]> }>();
    for (const engine of ["fast", "learned"] as const) {
      const before = new Map(stored.filter((s) => s.engine === engine).map((s) => [s.paragraph_id, s]));
      const only: number[] = [];
      let environment: { env: () => Promise<CheckEnvironment>; version: string } | undefined;
      const texts = () => only.map((i) => input.fr[i]);
      environment = engine === "fast" ? await fastEnvironment(k, texts) : await learnedEnvironment(k, documentId, positionIndex);
      fr.forEach((p, i) => {
        const s = before.get(p.id);
        if (!s || s.revision !== p.revision || s.environment !== environment.version) only.push(i);
      });
      if (only.length === 0) continue;
      const found = new Map<number, Flag[]>(only.map((i) => [i, []]));
      for (const f of runChecks(input, await environment.env(), engine, only)) found.get(f.paragraph)?.push({ ...f, paragraph: fr[f.paragraph].position });
      checked.set(engine, { version: environment.version, only, found });
    }
    if (checked.size === 0) {
      if (options.grammar !== false) checkJob(db, documentId);
      return [];
    }
    const previous = new Map(stored.map((s) => [`${s.engine}:${s.paragraph_id}`, s]));
    const { views, changed } = await inTurn(db, async (trx) => {
      const ids = [...new Set([...checked.values()].flatMap((c) => c.only.map((i) => fr[i].id)))];
      // Only what is still current is stored (a concurrent accept may have moved on).
      const now = new Map((await trx.selectFrom("paragraphs").select(["id", "revision"]).where("id", "in", ids).execute()).map((r) => [r.id, r.revision]));
      const changed = new Set<number>();
      for (const [engine, c] of checked) {
        const current = c.only.filter((i) => now.get(fr[i].id) === fr[i].revision);
        const rows = current.map((i) => ({ paragraphId: fr[i].id, revision: fr[i].revision, flags: c.found.get(i)! }));
        await storeFlags(trx, documentId, engine, c.version, rows);
        for (const r of rows) {
          const was = previous.get(`${engine}:${r.paragraphId}`);
          // Viewers hear of flags that changed (a first check of a new document tells nobody).
          if (was && (was.revision !== r.revision || was.flags !== JSON.stringify(r.flags))) changed.add(r.paragraphId);
        }
      }
      const views = await paragraphFlags(trx, ids.filter((id) => now.get(id) === fr[positionIndex.get(id)!].revision));
      const announced = views.filter((v) => changed.has(v.paragraphId));
      if (announced.length > 0) await announce(trx, documentId, announced);
      return { views, changed };
    });
    if (changed.size > 0) await hub().publish(documentId);
    if (options.grammar !== false) checkJob(db, documentId);
    return views;
  });
}

/// Appends the event that gives open viewers a paragraph's new flags (or tells them to fetch
/// them, when there are many).
export async function announce(trx: K, documentId: number, paragraphs: ParagraphFlags[]): Promise<void> {
  await appendEvent(trx, documentId, "flags.updated", paragraphs.length > EVENT_LIMIT ? { reload: true, paragraphs: [] } : { paragraphs });
}

function dismissalView(d: Selectable<FlagDismissalTable>): DismissalView {
  return {
    id: d.id,
    paragraphId: d.paragraph_id,
    rule: d.rule,
    baseRevision: d.base_revision,
    start: d.start,
    end: d.end,
    words: d.words,
    reason: d.reason,
    author: d.author_name,
    at: d.created_at,
  };
}

/// The current flags of some French paragraphs (all of a document's when `documentId` is given
/// instead), each with the dismissal that silences it. Flags of an out-of-date engine row are
/// left out (the fast pass is refreshed before reading; Grammalecte's come when its job is done).
export async function paragraphFlags(db: K, paragraphIds: number[] | { documentId: number }): Promise<ParagraphFlags[]> {
  if (Array.isArray(paragraphIds) && paragraphIds.length === 0) return [];
  const byDoc = !Array.isArray(paragraphIds);
  const paragraphs = await db
    .selectFrom("paragraphs")
    .select(["id", "position", "revision"])
    .where("lang", "=", "fr")
    .where("removed", "=", 0)
    .$call((q) => (byDoc ? q.where("document_id", "=", paragraphIds.documentId) : q.where("id", "in", paragraphIds)))
    .orderBy("position")
    .execute();
  if (paragraphs.length === 0) return [];
  const ids = paragraphs.map((p) => p.id);
  const [rows, dismissals] = await Promise.all([
    db.selectFrom("paragraph_flags").select(["paragraph_id", "engine", "revision", "flags"]).where("paragraph_id", "in", ids).execute(),
    db.selectFrom("flag_dismissals").selectAll().where("paragraph_id", "in", ids).where("status", "=", "active").execute(),
  ]);
  const flagsOf = new Map<number, { engine: string; revision: number; flags: string }[]>();
  for (const r of rows) flagsOf.set(r.paragraph_id, [...(flagsOf.get(r.paragraph_id) ?? []), r]);
  const dismissalsOf = new Map<number, DismissalView[]>();
  for (const d of dismissals) dismissalsOf.set(d.paragraph_id, [...(dismissalsOf.get(d.paragraph_id) ?? []), dismissalView(d)]);
  return paragraphs.map((p) => {
    const ds = (dismissalsOf.get(p.id) ?? []).filter((d) => d.baseRevision === p.revision);
    const flags: FlagView[] = [];
    for (const row of flagsOf.get(p.id) ?? []) {
      if (row.revision !== p.revision) continue;
      for (const f of JSON.parse(row.flags) as Flag[]) {
        const dismissal = ds.find((d) => d.rule === f.rule && d.start === f.start && d.end === f.end) ?? null;
        flags.push({ ...f, paragraph: p.position, key: flagKey(p.id, p.revision, f), paragraphId: p.id, revision: p.revision, engine: row.engine as Engine, dismissal });
      }
    }
    flags.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
    return { paragraphId: p.id, position: p.position, revision: p.revision, flags };
  });
}

/// The registry's rules with their state for one document.
export async function documentRules(db: K, documentId: number): Promise<RuleState[]> {
  const chosen = new Map(
    (await db.selectFrom("document_rules").selectAll().where("document_id", "=", documentId).execute()).map((r) => [r.rule, r]),
  );
  const grammalecte = await grammarAvailable();
  return ruleRegistry.map((r) => {
    const c = chosen.get(r.id);
    const installed = r.engine !== "grammalecte" || grammalecte;
    return { ...r, enabled: installed && (c ? c.enabled === 1 : r.defaultOn), changedBy: c?.updated_by_name ?? null, changedAt: c?.updated_at ?? null };
  });
}

async function grammarAvailable(): Promise<boolean> {
  return (await grammarEngine()) !== null;
}

/// A document's flags, rules and background job, the fast flags brought up to date first.
export async function documentChecks(db: Db, documentId: number): Promise<DocumentChecks> {
  await refreshFlags(db, documentId);
  const [paragraphs, rules, job] = await Promise.all([paragraphFlags(db.kysely, { documentId }), documentRules(db.kysely, documentId), jobView(db.kysely, documentId)]);
  return { paragraphs, rules, job };
}

/// Dismisses a current flag with a reason. The dismissal is anchored to the flagged words at the
/// paragraph's current revision; refused when the flag is no longer there (`flagGone`).
export async function dismissFlag(
  db: Db,
  input: { documentId: number; paragraphId: number; revision: number; rule: string; start: number; end: number; reason: string; actor: Actor; address?: string | null },
): Promise<ParagraphFlags> {
  const reason = input.reason.trim();
  if (!reason) throw new FlagError("reasonRequired", "a dismissal needs a reason");
  const out = await inTurn(db, async (trx) => {
    const p = await trx
      .selectFrom("paragraphs")
      .select(["id", "text", "revision"])
      .where("id", "=", input.paragraphId)
      .where("document_id", "=", input.documentId)
      .where("lang", "=", "fr")
      .where("removed", "=", 0)
      .executeTakeFirst();
    if (!p) throw new FlagError("unknownParagraph", `no French paragraph ${input.paragraphId} in this document`);
    const [view] = await paragraphFlags(trx, [p.id]);
    const flag = view.flags.find((f) => f.rule === input.rule && f.start === input.start && f.end === input.end);
    if (p.revision !== input.revision || !flag) throw new FlagError("flagGone", "this flag is no longer there: the paragraph changed");
    if (flag.dismissal) throw new FlagError("alreadyDismissed", "this flag is dismissed already", { by: flag.dismissal.author });
    const at = new Date().toISOString();
    await trx
      .insertInto("flag_dismissals")
      .values({
        document_id: input.documentId,
        paragraph_id: p.id,
        rule: input.rule,
        base_revision: p.revision,
        start: input.start,
        end: input.end,
        words: p.text.slice(input.start, input.end),
        reason,
        status: "active",
        author_id: input.actor.id,
        author_name: input.actor.name,
        created_at: at,
      })
      .execute();
    const [after] = await paragraphFlags(trx, [p.id]);
    await announce(trx, input.documentId, [after]);
    await recordAudit(trx, { actor: input.actor, action: "flag.dismiss", target: input.rule, detail: { document: input.documentId, paragraph: p.id, reason }, address: input.address });
    return after;
  });
  await hub().publish(input.documentId);
  return out;
}

/// Withdraws a dismissal: its flag counts again.
export async function restoreFlag(db: Db, input: { documentId: number; dismissalId: number; actor: Actor; address?: string | null }): Promise<ParagraphFlags> {
  const out = await inTurn(db, async (trx) => {
    const d = await trx
      .selectFrom("flag_dismissals")
      .selectAll()
      .where("id", "=", input.dismissalId)
      .where("document_id", "=", input.documentId)
      .executeTakeFirst();
    if (!d) throw new FlagError("unknownDismissal", `no dismissal ${input.dismissalId} in this document`);
    if (d.status !== "active") throw new FlagError("flagGone", "this dismissal no longer holds");
    await trx.updateTable("flag_dismissals").set({ status: "withdrawn", ended_at: new Date().toISOString(), ended_by_name: input.actor.name }).where("id", "=", d.id).execute();
    const [after] = await paragraphFlags(trx, [d.paragraph_id]);
    await announce(trx, input.documentId, [after]);
    await recordAudit(trx, { actor: input.actor, action: "flag.restore", target: d.rule, detail: { document: input.documentId, paragraph: d.paragraph_id }, address: input.address });
    return after;
  });
  await hub().publish(input.documentId);
  return out;
}

/// Switches a rule on or off for one document; viewers are told (`checks.rules`).
export async function setRule(db: Db, input: { documentId: number; rule: string; enabled: boolean; actor: Actor; address?: string | null }): Promise<RuleState[]> {
  if (!ruleRegistry.some((r) => r.id === input.rule)) throw new FlagError("unknownRule", `no rule ${input.rule}`, { rule: input.rule });
  const rules = await inTurn(db, async (trx) => {
    const at = new Date().toISOString();
    const values = { enabled: input.enabled ? 1 : 0, updated_by_name: input.actor.name, updated_at: at };
    await trx
      .insertInto("document_rules")
      .values({ document_id: input.documentId, rule: input.rule, ...values })
      .onConflict((oc) => oc.columns(["document_id", "rule"]).doUpdateSet(values))
      .execute();
    const rules = await documentRules(trx, input.documentId);
    await appendEvent(trx, input.documentId, "checks.rules", { rules });
    await recordAudit(trx, { actor: input.actor, action: "checks.rule", target: input.rule, detail: { document: input.documentId, enabled: input.enabled }, address: input.address });
    return rules;
  });
  await hub().publish(input.documentId);
  return rules;
}

/// Moves a paragraph's active dismissals through an accepted (or reverted) change, inside its
/// transaction: shifted when the change is elsewhere, lapsed when it touched their words.
export async function mapDismissals(trx: K, paragraphId: number, change: Change, revision: number, at: string): Promise<void> {
  const active = await trx.selectFrom("flag_dismissals").select(["id", "start", "end", "base_revision"]).where("paragraph_id", "=", paragraphId).where("status", "=", "active").execute();
  for (const d of active) {
    const mapped = d.base_revision === revision - 1 ? mapDismissal(d, change) : null;
    if (mapped) await trx.updateTable("flag_dismissals").set({ ...mapped, base_revision: revision }).where("id", "=", d.id).execute();
    else await trx.updateTable("flag_dismissals").set({ status: "lapsed", ended_at: at }).where("id", "=", d.id).execute();
  }
}

/// After an import: checks the document's new and changed paragraphs at once (open viewers get
/// the new flags) and starts its Grammalecte pass. Never throws (the import has committed).
export async function checkImported(db: Db, slug: string): Promise<void> {
  try {
    const doc = await db.kysely.selectFrom("documents").select("id").where("slug", "=", slug).executeTakeFirst();
    if (doc) await refreshFlags(db, doc.id);
  } catch (e) {
    console.error(`checks: ${slug}:`, (e as Error).message);
  }
}

const scheduled = new Set<number>();

/// Checks a document again shortly after a change, off the request's path: changes that come in
/// a burst (bulk accepts, a fix offered in many places) are checked once, when they have settled.
export function scheduleRefresh(db: Db, documentId: number, delayMs = 1000): void {
  if (scheduled.has(documentId)) return;
  scheduled.add(documentId);
  setTimeout(() => {
    scheduled.delete(documentId);
    refreshFlags(db, documentId).catch((e) => console.error(`checks: document ${documentId}:`, (e as Error).message));
  }, delayMs).unref();
}

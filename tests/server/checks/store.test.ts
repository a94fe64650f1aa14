import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { draftToFixes } from "../../../lib/corrections/draft";
import { enabledRules, openFlags, type FlagView } from "../../../lib/flags/view";
import { createUser } from "../../../server/auth/users";
import { FlagError } from "../../../server/checks/errors";
import { dismissFlag, documentChecks, paragraphFlags, refreshFlags, restoreFlag, setRule } from "../../../server/checks/store";
import { importDocument } from "../../../server/corpus/import";
import { accept, revert, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { eventsSince } from "../../../server/events/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
// Paragraph 1 says a word twice ("de de"), which the typography rules flag whatever else they find.
const FR = ["Essai", "Le rapport parle de de la course et des puces.", "Une phrase sans rien à redire."];
const EN = ["Test", "The report talks about the race and the chips.", "A sentence with nothing to fault."];
const doc = (fr = FR): DocumentSource => ({ slug: "essai", meta, fr, en: EN });

async function setup(engine: Engine) {
  const db = await freshDatabase(engine);
  await importDocument(db.kysely, doc());
  const { id: documentId } = await db.kysely.selectFrom("documents").select("id").where("slug", "=", "essai").executeTakeFirstOrThrow();
  const reviewer = await createUser(db.kysely, { name: "rita", password: "a long password", role: "reviewer" });
  return { db, documentId, actor: { id: reviewer.id, name: reviewer.name } };
}

const paragraphAt = async (db: Db, documentId: number, position: number) =>
  db.kysely.selectFrom("paragraphs").selectAll().where("document_id", "=", documentId).where("lang", "=", "fr").where("position", "=", position).executeTakeFirstOrThrow();

/// The flag of paragraph 1 that covers its doubled word ("de de").
async function doubled(db: Db, documentId: number): Promise<FlagView | undefined> {
  const p = await paragraphAt(db, documentId, 1);
  const [view] = await paragraphFlags(db.kysely, [p.id]);
  return view.flags.find((f) => /(\p{L}+) \1(?!\p{L})/u.test(p.text.slice(Math.max(0, f.start - 3), f.end + 3)));
}

async function acceptDraft(db: Db, documentId: number, actor: { id: number; name: string }, position: number, draft: string) {
  const p = await paragraphAt(db, documentId, position);
  const out = await suggest(db, { documentId, paragraphId: p.id, baseRevision: p.revision, fixes: draftToFixes(p.text, draft), category: "style", severity: "minor", author: actor });
  for (const s of out.value) await accept(db, { documentId, suggestionId: s.id, actor, propagate: false });
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof FlagError ? e.code : String(e)),
  );

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());

  it("checks every French paragraph once, and again only when its text changes", async () => {
    const s = await setup(engine);
    db = s.db;
    const first = await refreshFlags(db, s.documentId, { grammar: false });
    expect(first.map((p) => p.position)).toEqual([0, 1, 2]);
    expect(await doubled(db, s.documentId)).toMatchObject({ paragraph: 1, revision: 1, dismissal: null });
    expect(await refreshFlags(db, s.documentId, { grammar: false })).toEqual([]);
    // First checks tell nobody (no one watched a document that was not there); rechecks do.
    expect((await eventsSince(db.kysely, s.documentId, 0)).map((e) => e.type)).not.toContain("flags.updated");
    await acceptDraft(db, s.documentId, s.actor, 1, FR[1].replace("de de", "de"));
    const fastRows = () => db.kysely.selectFrom("paragraph_flags").select(["paragraph_id", "checked_at"]).where("engine", "=", "fast").orderBy("paragraph_id").execute();
    const before = await fastRows();
    await refreshFlags(db, s.documentId, { grammar: false });
    // The other paragraphs' text did not change: the fast rules did not run on them again.
    expect((await fastRows()).filter((r, i) => r.checked_at !== before[i].checked_at)).toHaveLength(1);
    expect(await doubled(db, s.documentId)).toBeUndefined();
    const events = await eventsSince(db.kysely, s.documentId, 0);
    const updated = events.filter((e) => e.type === "flags.updated");
    expect(updated).toHaveLength(1);
    expect((updated[0].data.paragraphs as { position: number; revision: number }[])[0]).toMatchObject({ position: 1, revision: 2 });
  });

  it("keeps a dismissal (who, when, why) through changes elsewhere in the paragraph", async () => {
    const s = await setup(engine);
    db = s.db;
    await refreshFlags(db, s.documentId, { grammar: false });
    const flag = (await doubled(db, s.documentId))!;
    const after = await dismissFlag(db, { documentId: s.documentId, paragraphId: flag.paragraphId, revision: 1, rule: flag.rule, start: flag.start, end: flag.end, reason: "  a quotation  ", actor: s.actor });
    expect(after.flags.find((f) => f.key === flag.key)?.dismissal).toMatchObject({ reason: "a quotation", author: "rita", words: FR[1].slice(flag.start, flag.end) });
    // An accepted change before the flagged words moves them; the dismissal moves with them.
    await acceptDraft(db, s.documentId, s.actor, 1, FR[1].replace("Le rapport", "Le long rapport"));
    await refreshFlags(db, s.documentId, { grammar: false });
    const moved = (await doubled(db, s.documentId))!;
    expect(moved.start).toBe(flag.start + "long ".length);
    expect(moved.dismissal).toMatchObject({ reason: "a quotation", baseRevision: 2, start: moved.start });
    // Reverting it moves them back, still dismissed.
    const r = await db.kysely.selectFrom("revisions").select("id").where("paragraph_id", "=", flag.paragraphId).executeTakeFirstOrThrow();
    await revert(db, { documentId: s.documentId, revisionId: r.id, actor: s.actor });
    await refreshFlags(db, s.documentId, { grammar: false });
    expect((await doubled(db, s.documentId))!.dismissal).toMatchObject({ start: flag.start, baseRevision: 3 });
    const checks = await documentChecks(db, s.documentId);
    expect(openFlags(checks.paragraphs, enabledRules(checks.rules)).some((f) => f.rule === flag.rule && f.paragraph === 1 && f.start === flag.start)).toBe(false);
  });

  it("lets a dismissal lapse when its words change, and a re-import lapses it too", async () => {
    const s = await setup(engine);
    db = s.db;
    await refreshFlags(db, s.documentId, { grammar: false });
    const flag = (await doubled(db, s.documentId))!;
    await dismissFlag(db, { documentId: s.documentId, paragraphId: flag.paragraphId, revision: 1, rule: flag.rule, start: flag.start, end: flag.end, reason: "fine", actor: s.actor });
    // A change that touches the words ends the dismissal, even if they are doubled still.
    await acceptDraft(db, s.documentId, s.actor, 1, FR[1].replace("de de", "du du"));
    await refreshFlags(db, s.documentId, { grammar: false });
    expect(await db.kysely.selectFrom("flag_dismissals").select("status").execute()).toEqual([{ status: "lapsed" }]);
    const again = (await doubled(db, s.documentId))!;
    expect(again?.dismissal ?? null).toBeNull();
    // Dismissed again, then the file changes the paragraph: the flag counts again.
    await dismissFlag(db, { documentId: s.documentId, paragraphId: again.paragraphId, revision: again.revision, rule: again.rule, start: again.start, end: again.end, reason: "fine", actor: s.actor });
    await importDocument(db.kysely, doc([FR[0], "Le rapport parle de de la course aux puces.", FR[2]]));
    await refreshFlags(db, s.documentId, { grammar: false });
    expect((await doubled(db, s.documentId))?.dismissal).toBeNull();
  });

  it("refuses a dismissal without a reason, of a flag that is gone, or twice; and restores one", async () => {
    const s = await setup(engine);
    db = s.db;
    await refreshFlags(db, s.documentId, { grammar: false });
    const flag = (await doubled(db, s.documentId))!;
    const input = { documentId: s.documentId, paragraphId: flag.paragraphId, revision: 1, rule: flag.rule, start: flag.start, end: flag.end, reason: "ok", actor: s.actor };
    expect(await code(dismissFlag(db, { ...input, reason: "  " }))).toBe("reasonRequired");
    expect(await code(dismissFlag(db, { ...input, start: flag.start + 1 }))).toBe("flagGone");
    expect(await code(dismissFlag(db, { ...input, rule: "no/such-rule" }))).toBe("flagGone");
    expect(await code(dismissFlag(db, { ...input, revision: 2 }))).toBe("flagGone");
    expect(await code(dismissFlag(db, { ...input, paragraphId: 999_999 }))).toBe("unknownParagraph");
    expect(await db.kysely.selectFrom("flag_dismissals").selectAll().execute()).toEqual([]);
    expect(await code(dismissFlag(db, input))).toBe("ok");
    expect(await code(dismissFlag(db, input))).toBe("alreadyDismissed");
    const d = await db.kysely.selectFrom("flag_dismissals").select("id").executeTakeFirstOrThrow();
    const restored = await restoreFlag(db, { documentId: s.documentId, dismissalId: d.id, actor: s.actor });
    expect(restored.flags.find((f) => f.key === flag.key)?.dismissal).toBeNull();
    expect(await code(restoreFlag(db, { documentId: s.documentId, dismissalId: d.id, actor: s.actor }))).toBe("flagGone");
    expect(await code(restoreFlag(db, { documentId: s.documentId, dismissalId: 999_999, actor: s.actor }))).toBe("unknownDismissal");
    const audit = await db.kysely.selectFrom("audit_log").select(["action", "actor_name"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "flag.dismiss", actor_name: "rita" },
      { action: "flag.restore", actor_name: "rita" },
    ]);
  });

  it("switches a rule off and on for one document, telling viewers", async () => {
    const s = await setup(engine);
    db = s.db;
    await refreshFlags(db, s.documentId, { grammar: false });
    const flag = (await doubled(db, s.documentId))!;
    const rules = await setRule(db, { documentId: s.documentId, rule: flag.rule, enabled: false, actor: s.actor });
    expect(rules.find((r) => r.id === flag.rule)).toMatchObject({ enabled: false, changedBy: "rita" });
    const checks = await documentChecks(db, s.documentId);
    expect(openFlags(checks.paragraphs, enabledRules(checks.rules)).filter((f) => f.rule === flag.rule)).toEqual([]);
    // Its flags are kept, so switching it back on shows them at once.
    await setRule(db, { documentId: s.documentId, rule: flag.rule, enabled: true, actor: s.actor });
    const back = await documentChecks(db, s.documentId);
    expect(openFlags(back.paragraphs, enabledRules(back.rules)).some((f) => f.key === flag.key)).toBe(true);
    expect(await code(setRule(db, { documentId: s.documentId, rule: "no/such-rule", enabled: false, actor: s.actor }))).toBe("unknownRule");
    expect((await eventsSince(db.kysely, s.documentId, 0)).filter((e) => e.type === "checks.rules")).toHaveLength(2);
  });
}

describe("checks store on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("checks store on PostgreSQL", () => suite("postgres"));

/// Fix propagation inside an accept's transaction: the accepted fix is offered wherever the same
/// wrong text stands in the corpus's French text, as one grouped proposal (open suggestions
/// marked "same fix as #N", proposed by the app and credited to the fix's author). The corpus is
/// read in pages of candidate paragraphs that hold the pattern's text (the database finds them),
/// and at most MAX_RECURRENCES places are offered; each document's stream gets one summary event.
import "server-only";
import { sql, type Transaction } from "kysely";
import { PROPOSER, type ProposalEvent, type ProposalOutcome, type ProposalPlace } from "../../lib/corrections/proposal";
import { findRecurrences, indistinctReason, MAX_RECURRENCES, recurrencePattern, type Recurrence } from "../../lib/corrections/recurrence";
import type { Db } from "../db/connection";
import type { Database } from "../db/schema";
import { appendEvent } from "../events/store";

type Trx = Transaction<Database>;

/// The accepted suggestion, as the accept read it.
export interface AcceptedFix {
  id: number;
  paragraph_id: number;
  start: number;
  end: number;
  deleted: string;
  inserted: string;
  category: string;
  severity: string;
  note: string;
  author_name: string;
  same_fix_as: number | null;
}

const PAGE = 500;

/// Offers `s` (accepted in a paragraph whose text was `textBefore`) wherever its wrong text
/// recurs. Returns the places made, what to say about them, and the documents whose streams
/// have news.
export async function propagate(
  db: Db,
  trx: Trx,
  s: AcceptedFix,
  textBefore: string,
  at: string,
): Promise<{ places: ProposalPlace[]; outcome: ProposalOutcome; documents: number[] }> {
  const none = (outcome: Partial<ProposalOutcome>) => ({ places: [], outcome: { fix: s.id, count: 0, ...outcome }, documents: [] });
  // A misspelt word or a wrong name is wrong wherever it stands; other errors depend on their
  // context, so they recur only together with the word that follows.
  const context = ["fluency/spelling", "fluency/typography", "terminology"].includes(s.category) ? "none" : "after";
  const pattern = recurrencePattern(textBefore, { start: s.start, end: s.end, deleted: s.deleted, inserted: s.inserted }, context);
  // A place of a proposal accepted on its own: the proposal already covers the other places.
  if (s.same_fix_as !== null) return none({});
  const reason = indistinctReason(pattern);
  if (reason) return none({ skipped: reason });

  // The database narrows the corpus to paragraphs holding the pattern after its first letter
  // (whose case may differ at a sentence start); findRecurrences then checks each exactly.
  const letter = pattern.text.search(/\p{L}/u);
  const needle = letter >= 0 && pattern.text.length - letter - 1 >= 2 ? pattern.text.slice(letter + 1) : pattern.text;
  const holds = db.dialect === "postgres" ? sql<boolean>`strpos(text, ${needle}) > 0` : sql<boolean>`instr(text, ${needle}) > 0`;
  const found: (Recurrence & { documentId: number; position: number; revision: number })[] = [];
  for (let after = 0; ; ) {
    const page = await trx
      .selectFrom("paragraphs")
      .select(["id", "document_id", "position", "text", "revision"])
      .where("lang", "=", "fr")
      .where("removed", "=", 0)
      .where("id", ">", after)
      .where("id", "!=", s.paragraph_id)
      .where(holds)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    const byId = new Map(page.map((p) => [p.id, p]));
    for (const r of findRecurrences(pattern, page)) {
      const p = byId.get(Number(r.id))!;
      found.push({ ...r, documentId: p.document_id, position: p.position, revision: p.revision });
    }
    if (found.length > MAX_RECURRENCES) return none({ skipped: "tooMany", found: found.length });
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  if (found.length === 0) return none({});

  // A place that already has the very same open suggestion is not offered twice.
  const existing = new Set<string>();
  const key = (paragraphId: number, start: number, end: number, inserted: string) => JSON.stringify([paragraphId, start, end, inserted]);
  const paragraphIds = [...new Set(found.map((f) => Number(f.id)))];
  for (let i = 0; i < paragraphIds.length; i += PAGE) {
    const rows = await trx
      .selectFrom("suggestions")
      .select(["paragraph_id", "start", "end", "inserted"])
      .where("status", "=", "open")
      .where("paragraph_id", "in", paragraphIds.slice(i, i + PAGE))
      .execute();
    for (const e of rows) existing.add(key(e.paragraph_id, e.start, e.end, e.inserted));
  }

  const places: (ProposalPlace & { documentId: number })[] = [];
  for (const f of found) {
    const paragraphId = Number(f.id);
    if (existing.has(key(paragraphId, f.start, f.end, f.inserted))) continue;
    existing.add(key(paragraphId, f.start, f.end, f.inserted));
    const { id } = await trx
      .insertInto("suggestions")
      .values({
        document_id: f.documentId,
        paragraph_id: paragraphId,
        base_revision: f.revision,
        start: f.start,
        end: f.end,
        created_revision: f.revision,
        created_start: f.start,
        created_end: f.end,
        deleted: f.deleted,
        inserted: f.inserted,
        category: s.category,
        severity: s.severity,
        note: s.note,
        status: "open",
        author_id: null,
        author_name: PROPOSER,
        created_at: at,
        same_fix_as: s.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    places.push({ id, documentId: f.documentId, paragraphId, paragraph: f.position, revision: f.revision, start: f.start, end: f.end, deleted: f.deleted, inserted: f.inserted });
  }
  const documents = [...new Set(places.map((p) => p.documentId))];
  for (const documentId of documents) {
    const event: ProposalEvent = {
      fix: s.id,
      credit: s.author_name,
      category: s.category,
      severity: s.severity,
      note: s.note,
      createdAt: at,
      total: places.length,
      places: places.filter((p) => p.documentId === documentId).map(({ documentId: _d, ...place }) => place),
    };
    await appendEvent(trx, documentId, "proposal.created", { ...event });
  }
  return {
    places: places.map(({ documentId: _d, ...place }) => place),
    outcome: { fix: s.id, count: places.length },
    documents,
  };
}

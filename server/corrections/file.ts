/// corrections.json: a document's tracked fixes as a file, shipped with a document or exported
/// from one. Importing replays the file's history in time order (suggestions made, accepted,
/// rejected, reverted, commented), so exporting and importing into an empty database gives the
/// same state.
import "server-only";
import { z } from "zod";
import { MQM_CATEGORIES, SEVERITIES } from "../../lib/corrections/categories";
import { writeCsvRows } from "../../lib/formats/csv-rows";
import type { Db } from "../db/connection";
import type { SuggestionView } from "../../lib/corrections/views";
import { listSuggestions } from "./views";
import { accept, comment, inTurn, reject, revert, suggest } from "./workflow";

export const CORRECTIONS_FORMAT = "vis-a-vis/corrections@1";

const when = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

const fileSuggestion = z.object({
  id: z.number().int().positive(),
  paragraph: z.number().int().min(0),
  baseRevision: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  deleted: z.string(),
  inserted: z.string(),
  category: z.enum(MQM_CATEGORIES),
  severity: z.enum(SEVERITIES),
  note: z.string().default(""),
  author: z.string().min(1),
  createdAt: when,
  status: z.enum(["open", "accepted", "rejected", "stale"]),
  decidedBy: z.string().min(1).optional(),
  decidedAt: when.optional(),
  reason: z.string().optional(),
  sameFixAs: z.number().int().positive().nullable().optional(),
  revertedAt: when.nullable().optional(),
  revertedBy: z.string().nullable().optional(),
  comments: z.array(z.object({ author: z.string().min(1), at: when, text: z.string().min(1) })).default([]),
});

export const correctionsFileSchema = z.object({
  format: z.literal(CORRECTIONS_FORMAT),
  document: z.string(),
  exportedAt: when.optional(),
  suggestions: z.array(fileSuggestion),
});

export type CorrectionsFile = z.infer<typeof correctionsFileSchema>;
export type FileSuggestion = z.infer<typeof fileSuggestion>;

/// Raised when a corrections file cannot be read or replayed; nothing is stored then.
export class CorrectionsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CorrectionsFileError";
  }
}

/// Checks a parsed corrections file.
export function parseCorrectionsFile(json: unknown): CorrectionsFile {
  const parsed = correctionsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorrectionsFileError(`corrections.json: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  for (const s of parsed.data.suggestions) {
    if (s.end < s.start) throw new CorrectionsFileError(`corrections.json: suggestion ${s.id}: end before start`);
    if ((s.status === "accepted" || s.status === "rejected") && (!s.decidedAt || !s.decidedBy)) {
      throw new CorrectionsFileError(`corrections.json: suggestion ${s.id} is ${s.status} but has no decidedBy/decidedAt`);
    }
    if (s.status === "rejected" && !s.reason?.trim()) throw new CorrectionsFileError(`corrections.json: suggestion ${s.id} is rejected without a reason`);
  }
  return parsed.data;
}

type Step =
  | { at: string; order: 0; kind: "create"; s: FileSuggestion }
  | { at: string; order: 1; kind: "decide"; s: FileSuggestion }
  | { at: string; order: 2; kind: "comment"; s: FileSuggestion; c: FileSuggestion["comments"][number] }
  | { at: string; order: 3; kind: "revert"; s: FileSuggestion };

/// Replays a corrections file onto a stored document in one transaction for the whole replay:
/// on the first step that fails nothing the replay wrote is kept, and a CorrectionsFileError says
/// which suggestion and why. With `onlyIntoEmpty`, the replay happens only while the document has
/// no suggestion, checked inside that transaction after waiting for the other correction writes
/// (on PostgreSQL an advisory lock, on SQLite the write lock), so two instances starting together
/// replay it once between them; the other gets `{ suggestions: 0 }`.
export async function importCorrections(
  db: Db,
  documentId: number,
  file: CorrectionsFile,
  options: { onlyIntoEmpty?: boolean } = {},
): Promise<{ suggestions: number; documents: number[] }> {
  const steps: Step[] = [];
  for (const s of file.suggestions) {
    steps.push({ at: s.createdAt, order: 0, kind: "create", s });
    if ((s.status === "accepted" || s.status === "rejected") && s.decidedAt) steps.push({ at: s.decidedAt, order: 1, kind: "decide", s });
    for (const c of s.comments) steps.push({ at: c.at, order: 2, kind: "comment", s, c });
    if (s.revertedAt) steps.push({ at: s.revertedAt, order: 3, kind: "revert", s });
  }
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order || a.s.id - b.s.id);
  let current = 0;
  try {
    return await inTurn(db, async (trx) => {
      // SQLite: write first, so this transaction holds the write lock before it reads anything.
      if (db.dialect === "sqlite") await trx.updateTable("documents").set((eb) => ({ id: eb.ref("id") })).where("id", "=", documentId).execute();
      if (options.onlyIntoEmpty) {
        const any = await trx.selectFrom("suggestions").select("id").where("document_id", "=", documentId).limit(1).executeTakeFirst();
        if (any) return { suggestions: 0, documents: [] };
      }
      const paragraphs = await trx
        .selectFrom("paragraphs")
        .select(["id", "position"])
        .where("document_id", "=", documentId)
        .where("lang", "=", "fr")
        .where("removed", "=", 0)
        .execute();
      const paragraphId = new Map(paragraphs.map((p) => [p.position, p.id]));
      const ids = new Map<number, number>();
      for (const step of steps) {
        const s = step.s;
        current = s.id;
        const id = ids.get(s.id);
        if (step.kind !== "create" && id === undefined) {
          throw new CorrectionsFileError(`corrections.json: suggestion ${s.id}: decided, commented or reverted before it was made`);
        }
        if (step.kind === "create") {
          const pid = paragraphId.get(s.paragraph);
          if (pid === undefined) throw new CorrectionsFileError(`corrections.json: suggestion ${s.id}: the document has no paragraph ${s.paragraph}`);
          const out = await suggest(
            db,
            {
              documentId,
              paragraphId: pid,
              baseRevision: s.baseRevision,
              fixes: [{ start: s.start, end: s.end, deleted: s.deleted, inserted: s.inserted }],
              category: s.category,
              severity: s.severity,
              note: s.note,
              author: { id: null, name: s.author },
              createdAt: s.createdAt,
              sameFixAs: s.sameFixAs ? (ids.get(s.sameFixAs) ?? null) : null,
              allowDuplicate: true,
            },
            trx,
          );
          ids.set(s.id, out.value[0].id);
        } else if (step.kind === "decide" && s.status === "accepted") {
          await accept(db, { documentId, suggestionId: id!, actor: { id: null, name: s.decidedBy! }, propagate: false, at: s.decidedAt }, trx);
        } else if (step.kind === "decide") {
          await reject(db, { documentId, suggestionId: id!, actor: { id: null, name: s.decidedBy! }, reason: s.reason!, at: s.decidedAt }, trx);
        } else if (step.kind === "comment") {
          await comment(db, { documentId, suggestionId: id!, author: { id: null, name: step.c.author }, text: step.c.text, at: step.c.at }, trx);
        } else {
          const r = await trx.selectFrom("revisions").select("id").where("suggestion_id", "=", id!).where("kind", "=", "accept").executeTakeFirst();
          if (!r) throw new CorrectionsFileError(`corrections.json: suggestion ${s.id}: reverted but never accepted`);
          await revert(db, { documentId, revisionId: r.id, actor: { id: null, name: s.revertedBy ?? s.decidedBy ?? s.author }, at: s.revertedAt! }, trx);
        }
      }
      return { suggestions: file.suggestions.length, documents: [documentId] };
    });
  } catch (e) {
    if (e instanceof CorrectionsFileError) throw e;
    // Whatever went wrong, it was this file's step: say which. The transaction left the document as it was.
    throw new CorrectionsFileError(`corrections.json: suggestion ${current}: ${(e as Error).message}`);
  }
}

/// A document's suggestions as a corrections file (the JSON report).
export function correctionsFileOf(slug: string, suggestions: SuggestionView[]): CorrectionsFile {
  const fileId = new Map(suggestions.map((s) => [s.id, s.id]));
  return {
    format: CORRECTIONS_FORMAT,
    document: slug,
    exportedAt: new Date().toISOString(),
    suggestions: suggestions
      .slice()
      .sort((a, b) => a.id - b.id)
      .map((s) => ({
        id: s.id,
        paragraph: s.paragraph,
        baseRevision: s.createdRevision,
        start: s.createdStart,
        end: s.createdEnd,
        deleted: s.deleted,
        inserted: s.inserted,
        category: s.category as FileSuggestion["category"],
        severity: s.severity as FileSuggestion["severity"],
        note: s.note,
        author: s.author,
        createdAt: s.createdAt,
        status: s.status,
        ...(s.decidedBy && s.status !== "stale" && s.status !== "open" ? { decidedBy: s.decidedBy } : {}),
        ...(s.decidedAt && s.status !== "stale" && s.status !== "open" ? { decidedAt: s.decidedAt } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
        ...(s.sameFixAs ? { sameFixAs: fileId.get(s.sameFixAs) ?? null } : {}),
        ...(s.revertedAt ? { revertedAt: s.revertedAt, revertedBy: s.revertedBy } : {}),
        comments: s.comments.map((c) => ({ author: c.author, at: c.createdAt, text: c.text })),
      })),
  };
}

/// The corrections report as CSV: one row per suggestion, through the app's one CSV writer and
/// its spreadsheet guard (lib/formats/csv-rows.ts).
export function correctionsCsv(suggestions: SuggestionView[]): string {
  const columns = ["id", "paragraph", "start", "end", "original", "fix", "category", "severity", "note", "author", "status", "created_at", "decided_by", "decided_at", "reason", "same_fix_as", "reverted_at"];
  const rows = suggestions.map((s) => [
    s.id, s.paragraph, s.createdStart, s.createdEnd, s.deleted, s.inserted, s.category, s.severity, s.note, s.author, s.status,
    s.createdAt, s.decidedBy, s.decidedAt, s.reason, s.sameFixAs, s.revertedAt,
  ]);
  return writeCsvRows([columns, ...rows]);
}

/// The suggestions of a document, for the exports.
export { listSuggestions };

import { z } from "zod";
import { cleanEntry, termEntrySchema } from "@/lib/glossary/schema";
import { recordAudit } from "@/server/audit";
import { guard, guardUser } from "@/server/auth/request";
import { entryConcordance, occurrencesOf } from "@/server/glossary/concordance";
import { canonicalJson, MAX_ENTRY_BYTES, newlyDeprecated } from "@/server/glossary/edits";
import { announceGlossaryChange } from "@/server/glossary/live";
import { entryEditErrorResponse } from "@/server/glossary/responses";
import { entryHistory, getEntryRecord, saveEntry } from "@/server/glossary/store";
import { errorResponse, readJson } from "@/server/http/responses";

type Params = { params: Promise<{ id: string }> };

/// The entry, its history (newest first) and its occurrences across the corpus, each with the
/// aligned paragraph of the other language and that paragraph's own occurrences.
export async function GET(request: Request, { params }: Params) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const id = (await params).id;
  const record = await getEntryRecord(g.db.kysely, id);
  if (!record) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  const [history, concordance] = await Promise.all([entryHistory(g.db.kysely, id), entryConcordance(g.db.kysely, id)]);
  return Response.json({
    entry: record.entry,
    version: record.version,
    history: history.map(({ id: historyId, at, actor, action }) => ({ id: historyId, at, actor, action })),
    occurrences: occurrencesOf(concordance.lines),
    paragraphs: concordance.total,
  });
}

/// An edit: the whole entry, the version it was made from, and whether the terminologist confirmed
/// leaving a language without a preferred term.
const editSchema = termEntrySchema.extend({ version: z.number().int().positive(), allowNoPreferred: z.boolean().optional() });

/// Replaces the entry with the body (a whole TermEntry whose id is the URL's, plus the `version`
/// the form was opened on). Deprecating a term is such an edit: its status becomes `deprecated`.
/// 409 `versionConflict` when someone saved the entry since; 409 `noPreferredTerm` when the edit
/// would leave a language without a preferred term and `allowNoPreferred` is not set.
export async function PUT(request: Request, { params }: Params) {
  const g = await guardUser(request, "editGlossary");
  if (g instanceof Response) return g;
  const id = (await params).id;
  const input = await readJson(request, editSchema, g.t, MAX_ENTRY_BYTES);
  if (input instanceof Response) return input;
  const { version, allowNoPreferred, ...fields } = input.data;
  const entry = cleanEntry(fields);
  if (entry.id !== id) return errorResponse(400, "idMismatch", g.t("glossary.errors.idMismatch"), { id });
  const before = await getEntryRecord(g.db.kysely, id);
  if (!before) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  if (before.version === version && canonicalJson(before.entry) === JSON.stringify(entry)) return Response.json({ entry: before.entry, version, changed: false });
  let saved;
  try {
    saved = await saveEntry(g.db.kysely, entry, g.user.name, false, { version, allowNoPreferred });
  } catch (e) {
    return entryEditErrorResponse(e, g.t);
  }
  if (!saved) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  const deprecated = newlyDeprecated(before.entry, entry);
  await recordAudit(g.db.kysely, {
    actor: g.user,
    action: "glossary.edit",
    target: id,
    detail: deprecated.length > 0 ? { deprecated } : undefined,
    address: g.address,
  });
  await announceGlossaryChange(g.db, [before.entry, saved]);
  return Response.json({ entry: saved, version: (await getEntryRecord(g.db.kysely, id))?.version ?? version + 1, changed: true });
}

import { cleanEntry, termEntrySchema } from "@/lib/glossary/schema";
import { recordAudit } from "@/server/audit";
import { guard, guardUser } from "@/server/auth/request";
import { entryConcordance, occurrencesOf } from "@/server/glossary/concordance";
import { canonicalJson, MAX_ENTRY_BYTES, newlyDeprecated } from "@/server/glossary/edits";
import { entryHistory, getEntry, saveEntry } from "@/server/glossary/store";
import { errorResponse, readJson } from "@/server/http/responses";

type Params = { params: Promise<{ id: string }> };

/// The entry, its history (newest first) and its occurrences across the corpus, each with the
/// aligned paragraph of the other language and that paragraph's own occurrences.
export async function GET(request: Request, { params }: Params) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const id = (await params).id;
  const entry = await getEntry(g.db.kysely, id);
  if (!entry) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  const [history, concordance] = await Promise.all([entryHistory(g.db.kysely, id), entryConcordance(g.db.kysely, id)]);
  return Response.json({
    entry,
    history: history.map(({ id: historyId, at, actor, action }) => ({ id: historyId, at, actor, action })),
    occurrences: occurrencesOf(concordance.lines),
    paragraphs: concordance.total,
  });
}

/// Replaces the entry with the body (a whole TermEntry whose id is the URL's). Deprecating a
/// term is such an edit: its status becomes `deprecated`.
export async function PUT(request: Request, { params }: Params) {
  const g = await guardUser(request, "editGlossary");
  if (g instanceof Response) return g;
  const id = (await params).id;
  const input = await readJson(request, termEntrySchema, g.t, MAX_ENTRY_BYTES);
  if (input instanceof Response) return input;
  const entry = cleanEntry(input.data);
  if (entry.id !== id) return errorResponse(400, "idMismatch", g.t("glossary.errors.idMismatch"), { id });
  const before = await getEntry(g.db.kysely, id);
  if (!before) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  if (canonicalJson(before) === JSON.stringify(entry)) return Response.json({ entry: before, changed: false });
  const saved = await saveEntry(g.db.kysely, entry, g.user.name, false);
  if (!saved) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  const deprecated = newlyDeprecated(before, entry);
  await recordAudit(g.db.kysely, {
    actor: g.user,
    action: "glossary.edit",
    target: id,
    detail: deprecated.length > 0 ? { deprecated } : undefined,
    address: g.address,
  });
  return Response.json({ entry: saved, changed: true });
}

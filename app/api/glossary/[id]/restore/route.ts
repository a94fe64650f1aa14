import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { announceGlossaryChange } from "@/server/glossary/live";
import { entryEditErrorResponse } from "@/server/glossary/responses";
import { entryVersionAt, getEntryRecord, saveEntry } from "@/server/glossary/store";
import { errorResponse, readJson } from "@/server/http/responses";

type Params = { params: Promise<{ id: string }> };

const body = z.object({
  /// The history item whose resulting entry comes back.
  historyId: z.number().int().positive(),
  /// The version the page showed (the restore is refused if someone saved since).
  version: z.number().int().positive(),
  allowNoPreferred: z.boolean().optional(),
});

/// Restores an entry as it was after one of its history items: a new change in the history
/// ("restore"), never a rewrite of it. The same rules as an edit apply (version, preferred term).
export async function POST(request: Request, { params }: Params) {
  const g = await guardUser(request, "editGlossary");
  if (g instanceof Response) return g;
  const id = (await params).id;
  const input = await readJson(request, body, g.t);
  if (input instanceof Response) return input;
  const [current, wanted] = await Promise.all([getEntryRecord(g.db.kysely, id), entryVersionAt(g.db.kysely, id, input.data.historyId)]);
  if (!current) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  if (!wanted) return errorResponse(404, "unknownVersion", g.t("integrity.errors.unknownVersion"), { historyId: input.data.historyId });
  let saved;
  try {
    saved = await saveEntry(g.db.kysely, wanted, g.user.name, false, { version: input.data.version, allowNoPreferred: input.data.allowNoPreferred, action: "restore" });
  } catch (e) {
    return entryEditErrorResponse(e, g.t);
  }
  if (!saved) return errorResponse(404, "notFound", g.t("glossary.errors.unknownEntry"));
  await recordAudit(g.db.kysely, { actor: g.user, action: "glossary.edit", target: id, detail: { restored: input.data.historyId }, address: g.address });
  await announceGlossaryChange(g.db, [current.entry, saved]);
  const after = await getEntryRecord(g.db.kysely, id);
  return Response.json({ entry: saved, version: after?.version });
}

import { searchEntries } from "@/lib/glossary/search";
import { cleanEntry, termEntrySchema } from "@/lib/glossary/schema";
import { recordAudit } from "@/server/audit";
import { guard, guardUser } from "@/server/auth/request";
import { MAX_ENTRY_BYTES } from "@/server/glossary/edits";
import { listEntries, saveEntry } from "@/server/glossary/store";
import { errorResponse, readJson } from "@/server/http/responses";

/// `?q=` searches the glossary (accents, case and plurals aside, by the start of any word of any
/// term in either language, deprecated terms included); without it, every entry.
export async function GET(request: Request) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const hits = searchEntries(await listEntries(g.db.kysely), q);
  return Response.json({ query: q, entries: hits.map((h) => ({ ...h.entry, matchedTerm: h.matchedTerm })) });
}

/// Creates an entry: the body is a whole TermEntry; 409 when its id is taken.
export async function POST(request: Request) {
  const g = await guardUser(request, "editGlossary");
  if (g instanceof Response) return g;
  const input = await readJson(request, termEntrySchema, g.t, MAX_ENTRY_BYTES);
  if (input instanceof Response) return input;
  const entry = cleanEntry(input.data);
  const saved = await saveEntry(g.db.kysely, entry, g.user.name, true);
  if (!saved) return errorResponse(409, "idTaken", g.t("glossary.errors.idTaken", { id: entry.id }), { id: entry.id });
  await recordAudit(g.db.kysely, { actor: g.user, action: "glossary.create", target: entry.id, address: g.address });
  return Response.json({ entry: saved }, { status: 201 });
}

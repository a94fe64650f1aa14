import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { MAX_TERM_BASE_BYTES, readTermBaseUpload, TermBaseError } from "@/server/glossary/edits";
import { announceGlossaryChange } from "@/server/glossary/live";
import { importEntries } from "@/server/glossary/store";
import type { TermEntry } from "@/lib/glossary/model";
import { errorResponse, readForm } from "@/server/http/responses";

/// One term base of at most 10 MB, plus the form's own overhead.
const MAX_UPLOAD_BYTES = MAX_TERM_BASE_BYTES + 64 * 1024;

/// Imports a term base from a multipart form with one `file` (.tbx or .csv). The whole file is
/// read and checked first: a refused file stores nothing. New entries are created, entries
/// nobody edited in the app follow the file, entries edited in the app keep the app's version.
export async function POST(request: Request) {
  const g = await guardUser(request, "editGlossary");
  if (g instanceof Response) return g;
  const { t } = g;
  const read = await readForm(request, MAX_UPLOAD_BYTES, 10, t);
  if (read instanceof Response) return read;
  const file = read.form.get("file");
  if (!(file instanceof File)) return errorResponse(400, "missingField", t("errors.missingField", { field: "file" }), { field: "file" });
  const name = (file.name.split(/[\\/]/).pop() || "upload").slice(0, 200);
  try {
    const entries = readTermBaseUpload(name, new Uint8Array(await file.arrayBuffer()));
    const changed: TermEntry[] = [];
    const result = await importEntries(g.db.kysely, name, entries, g.user.name, changed);
    await recordAudit(g.db.kysely, { actor: g.user, action: "glossary.import", target: name, detail: { ...result }, address: g.address });
    // Open readers of the documents that use these terms see the new glossary at once.
    await announceGlossaryChange(g.db, changed);
    return Response.json({ result: { file: name, entries: entries.length, ...result } });
  } catch (e) {
    if (e instanceof TermBaseError) {
      return errorResponse(e.code === "tooLarge" ? 413 : 400, e.code, t(`glossary.errors.upload.${e.code}`, e.params), e.params);
    }
    throw e;
  }
}

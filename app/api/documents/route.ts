import { DocumentError } from "@/lib/corpus/document";
import { recordAudit } from "@/server/audit";
import { guard, guardUser } from "@/server/auth/request";
import { checkImported } from "@/server/checks/store";
import { importDocument } from "@/server/corpus/import";
import { importError, MAX_UPLOAD_BYTES, readImportForm } from "@/server/corpus/upload";
import { listDocuments } from "@/server/documents";
import { readForm } from "@/server/http/responses";

export async function GET(request: Request) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  return Response.json({ documents: await listDocuments(g.db.kysely) });
}

/// Imports a document from a multipart form: `slug`; `fr` and `en` as files (plain text,
/// Markdown, HTML, .docx) or `frText`/`enText` pasted; optionally `meta` (meta.json),
/// `titleFr`/`titleEn`, and `alignment` (the beads chosen in the preview, JSON).
export async function POST(request: Request) {
  const g = await guardUser(request, "import");
  if (g instanceof Response) return g;
  const { t } = g;
  const read = await readForm(request, MAX_UPLOAD_BYTES, Math.round(MAX_UPLOAD_BYTES / 1048576), t);
  if (read instanceof Response) return read;
  try {
    const { formats: _, ...source } = await readImportForm(read.form);
    const result = await importDocument(g.db.kysely, source, (trx, r) =>
      recordAudit(trx, { actor: g.user, action: "document.import", target: r.slug, detail: { status: r.status }, address: g.address }),
    );
    if (result.status !== "unchanged") void checkImported(g.db, result.slug);
    return Response.json({ result }, { status: result.status === "created" ? 201 : 200 });
  } catch (e) {
    if (e instanceof DocumentError) {
      const slug = read.form.get("slug");
      await recordAudit(g.db.kysely, {
        actor: g.user,
        action: "document.import.refused",
        target: typeof slug === "string" && slug.trim() ? slug.trim() : null,
        detail: { code: e.code, params: e.params ?? {} },
        address: g.address,
      });
    }
    return importError(e, t);
  }
}

import { DocumentError, MAX_DOCUMENT_FILE_BYTES, parseDocumentFiles } from "@/lib/corpus/document";
import { recordAudit } from "@/server/audit";
import { guard, guardUser } from "@/server/auth/request";
import { importDocument } from "@/server/corpus/import";
import { listDocuments } from "@/server/documents";
import { errorResponse, readForm } from "@/server/http/responses";

/// Three files of at most 5 MB each, plus the form's own overhead.
const MAX_UPLOAD_BYTES = 3 * MAX_DOCUMENT_FILE_BYTES + 64 * 1024;

export async function GET(request: Request) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  return Response.json({ documents: await listDocuments(g.db.kysely) });
}

/// Imports a document from a multipart form: `slug`, and the files `fr`, `en`, `meta`.
export async function POST(request: Request) {
  const g = await guardUser(request, "import");
  if (g instanceof Response) return g;
  const { t } = g;
  const read = await readForm(request, MAX_UPLOAD_BYTES, Math.round(MAX_UPLOAD_BYTES / 1048576), t);
  if (read instanceof Response) return read;
  const { form } = read;
  const slug = form.get("slug");
  if (typeof slug !== "string" || slug.trim() === "") {
    return errorResponse(400, "missingField", t("errors.missingField", { field: "slug" }), { field: "slug" });
  }
  const files: Record<"fr" | "en" | "meta", Uint8Array> = {} as never;
  for (const field of ["fr", "en", "meta"] as const) {
    const value = form.get(field);
    if (!(value instanceof Blob)) {
      return errorResponse(400, "missingField", t("errors.missingField", { field }), { field });
    }
    files[field] = new Uint8Array(await value.arrayBuffer());
  }
  try {
    const source = parseDocumentFiles(slug.trim(), files);
    const result = await importDocument(g.db.kysely, source, (trx, r) =>
      recordAudit(trx, { actor: g.user, action: "document.import", target: r.slug, detail: { status: r.status }, address: g.address }),
    );
    return Response.json({ result }, { status: result.status === "created" ? 201 : 200 });
  } catch (e) {
    if (e instanceof DocumentError) {
      await recordAudit(g.db.kysely, {
        actor: g.user,
        action: "document.import.refused",
        target: slug.trim(),
        detail: { code: e.code, params: e.params ?? {} },
        address: g.address,
      });
      const status = e.code === "tooLarge" ? 413 : 400;
      return errorResponse(status, e.code, t(`errors.document.${e.code}`, e.params), e.params);
    }
    throw e;
  }
}

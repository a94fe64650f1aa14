import { EXPORT_FORMATS, exportJson, exportMeta, exportText, type ExportFormat } from "@/server/corpus/export";
import { jsonExport, textExport } from "@/server/corpus/export-stream";
import { textStream } from "@/server/corpus/pages";
import { documentMeta, getDocument } from "@/server/documents";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// `?format=txt&lang=fr|en` gives one language's text, `?format=json` the aligned document,
/// `?format=meta` meta.json as a document folder has it (with the alignment when not one to one).
/// A document one line to one line is streamed, read from the database a page at a time; one
/// with an alignment of its own is written whole (its beads are read whole anyway).
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, slug, t }) => {
    const url = new URL(request.url);
    const format = (url.searchParams.get("format") ?? "txt") as ExportFormat;
    const lang = url.searchParams.get("lang") ?? "fr";
    if (!EXPORT_FORMATS.includes(format) || (lang !== "fr" && lang !== "en")) {
      return errorResponse(400, "badRequest", t("errors.badRequest"));
    }
    const aligned = (await db.kysely.selectFrom("documents").select("alignment").where("id", "=", documentId).executeTakeFirst())?.alignment != null;
    const doc = aligned || format === "meta" ? await getDocument(db.kysely, slug) : null;
    const [body, type, name] =
      format === "meta"
        ? [exportMeta(doc!), "application/json; charset=utf-8", "meta.json"]
        : format === "json"
          ? [doc ? exportJson(doc) : jsonExport(db.kysely, documentId, { slug, meta: await documentMeta(db.kysely, documentId) }), "application/json; charset=utf-8", `${slug}.json`]
          : [doc ? exportText(doc, lang) : textExport(db.kysely, documentId, lang), "text/plain; charset=utf-8", `${slug}.${lang}.txt`];
    return new Response(typeof body === "string" ? body : textStream(body), { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"` } });
  });
}

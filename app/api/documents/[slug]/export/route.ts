import { EXPORT_FORMATS, type ExportFormat } from "@/server/corpus/export";
import { jsonExport, textExport } from "@/server/corpus/export-stream";
import { textStream } from "@/server/corpus/pages";
import { documentMeta } from "@/server/documents";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// `?format=txt&lang=fr|en` gives one language's text, `?format=json` the aligned document. Both
/// are streamed, read from the database a page at a time.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, slug, t }) => {
    const url = new URL(request.url);
    const format = (url.searchParams.get("format") ?? "txt") as ExportFormat;
    const lang = url.searchParams.get("lang") ?? "fr";
    if (!EXPORT_FORMATS.includes(format) || (lang !== "fr" && lang !== "en")) {
      return errorResponse(400, "badRequest", t("errors.badRequest"));
    }
    const [body, type, name] =
      format === "json"
        ? [jsonExport(db.kysely, documentId, { slug, meta: await documentMeta(db.kysely, documentId) }), "application/json; charset=utf-8", `${slug}.json`]
        : [textExport(db.kysely, documentId, lang), "text/plain; charset=utf-8", `${slug}.${lang}.txt`];
    return new Response(textStream(body), { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"` } });
  });
}

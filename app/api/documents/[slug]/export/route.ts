import { EXPORT_FORMATS, exportJson, exportMeta, exportText, type ExportFormat } from "@/server/corpus/export";
import { guard } from "@/server/auth/request";
import { getDocument } from "@/server/documents";
import { errorResponse } from "@/server/http/responses";

/// `?format=txt&lang=fr|en` gives one language's text, `?format=json` the aligned document,
/// `?format=meta` meta.json as a document folder has it (with the alignment when not one to one).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const { t } = g;
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "txt") as ExportFormat;
  const lang = url.searchParams.get("lang") ?? "fr";
  if (!EXPORT_FORMATS.includes(format) || (lang !== "fr" && lang !== "en")) {
    return errorResponse(400, "badRequest", t("errors.badRequest"));
  }
  const doc = await getDocument(g.db.kysely, (await params).slug);
  if (!doc) return errorResponse(404, "notFound", t("errors.notFoundText"));
  const [body, type, name] =
    format === "json"
      ? [exportJson(doc), "application/json; charset=utf-8", `${doc.slug}.json`]
      : format === "meta"
        ? [exportMeta(doc), "application/json; charset=utf-8", "meta.json"]
        : [exportText(doc, lang), "text/plain; charset=utf-8", `${doc.slug}.${lang}.txt`];
  return new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"` } });
}

import { correctionsCsvExport, correctionsJsonExport } from "@/server/corpus/export-stream";
import { textStream } from "@/server/corpus/pages";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// The corrections report: `?format=json` (corrections.json, importable) or `?format=csv`,
/// streamed a page of suggestions at a time.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, slug, t }) => {
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "csv") return errorResponse(400, "badRequest", t("errors.badRequest"));
    if (format === "csv") {
      return new Response(textStream(correctionsCsvExport(db.kysely, documentId)), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${slug}.corrections.csv"` },
      });
    }
    return new Response(textStream(correctionsJsonExport(db.kysely, documentId, slug)), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${slug}.corrections.json"` },
    });
  });
}

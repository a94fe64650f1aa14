import { correctionsCsv, correctionsFileOf } from "@/server/corrections/file";
import { listSuggestions } from "@/server/corrections/views";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// The corrections report: `?format=json` (corrections.json, importable) or `?format=csv`.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, slug, t }) => {
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "csv") return errorResponse(400, "badRequest", t("errors.badRequest"));
    const suggestions = await listSuggestions(db.kysely, documentId);
    if (format === "csv") {
      return new Response(correctionsCsv(suggestions), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${slug}.corrections.csv"` },
      });
    }
    return new Response(JSON.stringify(correctionsFileOf(slug, suggestions), null, 2) + "\n", {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${slug}.corrections.json"` },
    });
  });
}

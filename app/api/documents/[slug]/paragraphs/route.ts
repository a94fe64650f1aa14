import { documentRows, MAX_PAGE_ROWS, PAGE_ROWS, rowCount } from "@/server/corpus/pages";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// A page of a document's aligned rows, for a reader that loads a book as it scrolls:
/// `?from=<position>&limit=<rows>` (from 0; limit 1–1000, 200 by default). The answer says how
/// many rows the document has and where the next page starts (null after the last).
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, t }) => {
    const url = new URL(request.url);
    const from = Number(url.searchParams.get("from") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? PAGE_ROWS);
    if (!Number.isSafeInteger(from) || from < 0 || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_ROWS) {
      return errorResponse(400, "badRequest", t("errors.badRequest"));
    }
    const [total, rows] = await Promise.all([rowCount(db.kysely, documentId), documentRows(db.kysely, documentId, from, limit)]);
    return Response.json({ total, from, rows, next: from + limit < total ? from + limit : null });
  });
}

import { paragraphHistory } from "@/server/corrections/history";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// A French paragraph's revisions (newest first) with who, when, why, and its original text.
export function GET(request: Request, { params }: { params: Promise<{ slug: string; position: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, t }) => {
    const position = idParam((await params).position, 0);
    const history = position !== null ? await paragraphHistory(db.kysely, documentId, position) : null;
    if (!history) return errorResponse(404, "unknownParagraph", t("errors.corrections.unknownParagraph"));
    return Response.json({ history });
  });
}

import { support } from "@/server/corrections/workflow";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Supports an open suggestion (+1): what a corrector does instead of proposing the same fix again.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "suggest", async ({ db, documentId, user, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownSuggestion", t("errors.corrections.unknownSuggestion"));
    const out = await support(db, { documentId, suggestionId: id, supporter: user! });
    await publish(out.documents);
    return Response.json({ suggestion: out.value });
  });
}

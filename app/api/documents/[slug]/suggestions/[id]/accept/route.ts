import { accept } from "@/server/corrections/workflow";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Accepts a suggestion: the paragraph changes, other suggestions move or go stale, and the same
/// fix is offered wherever the wrong words recur.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownSuggestion", t("errors.corrections.unknownSuggestion"));
    const out = await accept(db, { documentId, suggestionId: id, actor: user!, address });
    await publish(out.documents);
    return Response.json(out.value);
  });
}

import { revertAlignmentChange } from "@/server/corpus/alignment";
import { alignmentRoute } from "@/server/http/alignment-route";
import { idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Reverts one change of the alignment, as a new change.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return alignmentRoute(request, params, "review", async ({ db, documentId, user, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "noSuchChange", t("alignment.editErrors.noSuchChange"));
    const out = await revertAlignmentChange(db, documentId, id, user!);
    await publish([documentId]);
    return Response.json(out);
  });
}

import { revert } from "@/server/corrections/workflow";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Reverts an accepted change as a new revision.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "revert", async ({ db, documentId, user, address, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownRevision", t("errors.corrections.unknownRevision"));
    const out = await revert(db, { documentId, revisionId: id, actor: user!, address });
    await publish(out.documents);
    return Response.json({ paragraph: out.value });
  });
}

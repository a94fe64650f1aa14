import { answerFlagErrors } from "@/server/checks/errors";
import { restoreFlag } from "@/server/checks/store";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Withdraws a dismissal: the flag counts again (reviewers and admins).
export function DELETE(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t }) =>
    answerFlagErrors(t, async () => {
      const id = idParam((await params).id);
      if (id === null) return errorResponse(404, "unknownDismissal", t("flags.errors.unknownDismissal"));
      return Response.json({ paragraph: await restoreFlag(db, { documentId, dismissalId: id, actor: user!, address }) });
    }),
  );
}

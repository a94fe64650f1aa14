import { z } from "zod";
import { reject } from "@/server/corrections/workflow";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ reason: z.string().trim().min(1).max(2000) });

/// Rejects a suggestion with a reason.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownSuggestion", t("errors.corrections.unknownSuggestion"));
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await reject(db, { documentId, suggestionId: id, actor: user!, reason: input.data.reason, address });
    await publish(out.documents);
    return Response.json({ suggestion: out.value });
  });
}

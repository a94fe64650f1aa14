import { z } from "zod";
import { comment } from "@/server/corrections/workflow";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ text: z.string().trim().min(1).max(4000) });

/// Adds a comment to a suggestion's thread; @name mentions users.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "comment", async ({ db, documentId, user, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownSuggestion", t("errors.corrections.unknownSuggestion"));
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await comment(db, { documentId, suggestionId: id, author: user!, text: input.data.text });
    await publish(out.documents);
    return Response.json({ suggestion: out.value }, { status: 201 });
  });
}

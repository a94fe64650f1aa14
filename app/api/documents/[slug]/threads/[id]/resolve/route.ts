import { z } from "zod";
import { setThreadResolved } from "@/server/comments/threads";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ resolved: z.boolean() });

/// Resolves (`{"resolved": true}`) or reopens (`false`) a comment thread: its author, reviewers
/// and admins may.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "comment", async ({ db, documentId, user, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownThread", t("threads.errors.unknownThread"));
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await setThreadResolved(db, { documentId, threadId: id, resolved: input.data.resolved, actor: user! });
    await publish(out.documents);
    return Response.json({ thread: out.value });
  });
}

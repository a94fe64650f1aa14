import { z } from "zod";
import { MAX_COMMENT_LENGTH, replyToThread } from "@/server/comments/threads";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) });

/// Replies in a comment thread; @name mentions notify, and so does a reply to those who took part.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return documentRoute(request, params, "comment", async ({ db, documentId, user, t, publish }) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownThread", t("threads.errors.unknownThread"));
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await replyToThread(db, { documentId, threadId: id, author: user!, text: input.data.text });
    await publish(out.documents);
    return Response.json({ thread: out.value }, { status: 201 });
  });
}

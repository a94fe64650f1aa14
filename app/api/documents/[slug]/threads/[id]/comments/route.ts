import { z } from "zod";
import { threadRoute } from "@/server/comments/route";
import { MAX_COMMENT_LENGTH, replyToThread } from "@/server/comments/threads";

const body = z.object({ text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) });

/// Replies in a comment thread; @name mentions notify, and so does a reply to those who took part.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return threadRoute(request, params, "comment", body, ({ db, documentId, user }, threadId, { text }) => replyToThread(db, { documentId, threadId, author: user!, text }), 201);
}

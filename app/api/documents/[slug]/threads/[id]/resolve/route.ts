import { z } from "zod";
import { threadRoute } from "@/server/comments/route";
import { setThreadResolved } from "@/server/comments/threads";

const body = z.object({ resolved: z.boolean() });

/// Resolves (`{"resolved": true}`) or reopens (`false`) a comment thread: its author, reviewers
/// and admins may.
export function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return threadRoute(request, params, "comment", body, ({ db, documentId, user }, threadId, { resolved }) => setThreadResolved(db, { documentId, threadId, resolved, actor: user! }));
}

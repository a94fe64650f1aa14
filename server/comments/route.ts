/// The frame of the routes under /api/documents/[slug]/threads/[id]/…: the document route's
/// guard, the thread id read from the address (404 when it names nothing), the JSON body
/// checked against `schema`, and the change published after its commit.
import "server-only";
import type { ThreadView } from "../../lib/comments/view";
import type { Action } from "../../lib/auth/roles";
import { documentRoute, idParam, type DocumentContext } from "../http/document-route";
import { errorResponse, readJson } from "../http/responses";
import type { Outcome } from "../corrections/workflow";

export function threadRoute<T>(
  request: Request,
  params: Promise<{ slug: string; id: string }>,
  action: Action,
  schema: Parameters<typeof readJson<T>>[1],
  step: (ctx: DocumentContext, threadId: number, body: T) => Promise<Outcome<ThreadView>>,
  status = 200,
): Promise<Response> {
  return documentRoute(request, params, action, async (ctx) => {
    const id = idParam((await params).id);
    if (id === null) return errorResponse(404, "unknownThread", ctx.t("threads.errors.unknownThread"));
    const input = await readJson(request, schema, ctx.t);
    if (input instanceof Response) return input;
    const out = await step(ctx, id, input.data);
    await ctx.publish(out.documents);
    return Response.json({ thread: out.value }, { status });
  });
}

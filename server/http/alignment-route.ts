/// The frame of the alignment routes: the document route's, with alignment edits that do not fit
/// answered as errors (409 for a conflict with a later change, 404 for an unknown change, else 400).
import "server-only";
import type { Action } from "../../lib/auth/roles";
import { AlignmentEditError } from "../../lib/corpus/alignment";
import { documentRoute, type DocumentContext } from "./document-route";
import { errorResponse } from "./responses";

export function alignmentRoute(request: Request, params: Promise<{ slug: string }>, action: Action, handler: (ctx: DocumentContext) => Promise<Response>) {
  return documentRoute(request, params, action, async (ctx) => {
    try {
      return await handler(ctx);
    } catch (e) {
      if (!(e instanceof AlignmentEditError)) throw e;
      const status = e.code === "conflict" || e.code === "alreadyReverted" ? 409 : e.code === "noSuchChange" ? 404 : 400;
      return errorResponse(status, e.code, ctx.t(`alignment.editErrors.${e.code}`), {});
    }
  });
}

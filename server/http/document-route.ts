/// The frame of every route under /api/documents/[slug]/…: the guard (session, role, Origin),
/// the document looked up by slug (404 when unknown), correction errors turned into answers,
/// and the event hub told about what changed once the transaction has committed.
import "server-only";
import type { Action } from "../../lib/auth/roles";
import { guard, type Guarded } from "../auth/request";
import { scheduleRefresh } from "../checks/store";
import { CorrectionError } from "../corrections/errors";
import { documentIdBySlug } from "../documents";
import { hub } from "../events/hub";
import { errorResponse } from "./responses";

export interface DocumentContext extends Guarded {
  documentId: number;
  slug: string;
  /// Wakes every viewer of these documents (after the commit).
  publish(documents: number[]): Promise<void>;
}

export async function documentRoute(
  request: Request,
  params: Promise<{ slug: string }>,
  action: Action,
  handler: (ctx: DocumentContext) => Promise<Response>,
): Promise<Response> {
  const g = await guard(request, action);
  if (g instanceof Response) return g;
  const { slug } = await params;
  const documentId = await documentIdBySlug(g.db.kysely, slug);
  if (documentId === null) return errorResponse(404, "notFound", g.t("errors.notFoundText"));
  const publish = async (documents: number[]) => {
    await Promise.all(documents.map((d) => hub().publish(d)));
    // Texts may have changed: check them again after the answer, never delaying it.
    for (const d of documents) scheduleRefresh(g.db, d);
  };
  try {
    return await handler({ ...g, documentId, slug, publish });
  } catch (e) {
    if (e instanceof CorrectionError) {
      return errorResponse(e.status, e.code, g.t(e.messageKey, { ...e.params }), { ...e.params, ...e.detail });
    }
    throw e;
  }
}

/// Reads a positive integer id from a route parameter, or null.
export function idParam(value: string): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

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
import type { ControlCharacterError } from "../../lib/text/decode";
import { controlCharacterResponse, errorResponse } from "./responses";

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
    // Thrown by the database plugin, which may come from another bundle's copy of the module
    // (Next.js bundles instrumentation and routes apart): told apart by name, not instanceof.
    const name = e instanceof Error ? e.name : "";
    if (name === "ControlCharacterError") return controlCharacterResponse(g.t, e as ControlCharacterError);
    if (name === "ValueOutOfRangeError") return errorResponse(400, "badRequest", g.t("errors.badRequest"));
    if (e instanceof CorrectionError) {
      return errorResponse(e.status, e.code, g.t(e.messageKey, { ...e.params }), { ...e.params, ...e.detail });
    }
    throw e;
  }
}

/// The largest id or position the database stores (a 32-bit integer column): anything larger in
/// a URL or a body names nothing, and PostgreSQL would refuse to compare it.
export const MAX_ID = 2 ** 31 - 1;

/// Reads a whole number from `min` (1 for ids, 0 for positions) to MAX_ID from a route or query
/// parameter, or null.
export function idParam(value: string | null | undefined, min = 1): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min && n <= MAX_ID ? n : null;
}

import { z } from "zod";
import { MQM_CATEGORIES, SEVERITIES } from "@/lib/corrections/categories";
import { suggestionPage, suggestionPageQuery } from "@/server/corpus/pages";
import { suggest } from "@/server/corrections/workflow";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

type Params = { params: Promise<{ slug: string }> };

/// The document's suggestions (all statuses) with their comments, a page at a time by id:
/// `?after=<id>&limit=<n>` (limit 1–1000, 1000 by default); `next` is the `after` of the next
/// page, null after the last.
export function GET(request: Request, { params }: Params) {
  return documentRoute(request, params, "read", async ({ db, documentId, t }) => {
    const page = suggestionPageQuery(new URL(request.url).searchParams);
    if (!page) return errorResponse(400, "badRequest", t("errors.badRequest"));
    return Response.json(await suggestionPage(db.kysely, documentId, page.after, page.limit));
  });
}

const fix = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  deleted: z.string().max(20_000),
  inserted: z.string().max(20_000),
});
const body = z.object({
  paragraphId: z.number().int().positive(),
  baseRevision: z.number().int().positive(),
  fixes: z.array(fix).min(1).max(200),
  category: z.enum(MQM_CATEGORIES),
  severity: z.enum(SEVERITIES),
  note: z.string().max(2000).default(""),
});

/// Records the fixes of one edited paragraph as suggestions (one per changed span).
export function POST(request: Request, { params }: Params) {
  return documentRoute(request, params, "suggest", async ({ db, documentId, user, t, publish }) => {
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await suggest(db, { documentId, ...input.data, author: user! });
    await publish(out.documents);
    return Response.json({ suggestions: out.value }, { status: 201 });
  });
}

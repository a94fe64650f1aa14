import { z } from "zod";
import { MQM_CATEGORIES, SEVERITIES } from "@/lib/corrections/categories";
import { listSuggestions } from "@/server/corrections/views";
import { suggest } from "@/server/corrections/workflow";
import { documentRoute } from "@/server/http/document-route";
import { readJson } from "@/server/http/responses";

type Params = { params: Promise<{ slug: string }> };

/// The document's suggestions (all statuses) with their comments.
export function GET(request: Request, { params }: Params) {
  return documentRoute(request, params, "read", async ({ db, documentId }) =>
    Response.json({ suggestions: await listSuggestions(db.kysely, documentId) }),
  );
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

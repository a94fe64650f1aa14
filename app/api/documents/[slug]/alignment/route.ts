import { alignmentEditSchema } from "@/lib/corpus/alignment";
import { alignmentHistory, documentBeads, editAlignment } from "@/server/corpus/alignment";
import { alignmentRoute } from "@/server/http/alignment-route";
import { readJson } from "@/server/http/responses";

type Params = { params: Promise<{ slug: string }> };

/// The document's beads and the history of their changes (newest first).
export function GET(request: Request, { params }: Params) {
  return alignmentRoute(request, params, "read", async ({ db, documentId }) =>
    Response.json({ beads: await documentBeads(db.kysely, documentId), history: await alignmentHistory(db.kysely, documentId) }),
  );
}

/// A hand repair: `{"kind":"merge","bead":3}`, `{"kind":"split","bead":3,"fr":1,"en":1}`,
/// `{"kind":"move","lang":"en","paragraph":7,"direction":"up"}`, `{"kind":"detach","lang":"fr","paragraph":4}`.
export function POST(request: Request, { params }: Params) {
  return alignmentRoute(request, params, "review", async ({ db, documentId, user, t, publish }) => {
    const body = await readJson(request, alignmentEditSchema, t);
    if (body instanceof Response) return body;
    const out = await editAlignment(db, documentId, body.data, user!);
    await publish([documentId]);
    return Response.json(out);
  });
}

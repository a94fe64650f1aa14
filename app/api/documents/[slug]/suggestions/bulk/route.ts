import { z } from "zod";
import { CorrectionError } from "@/server/corrections/errors";
import { accept, reject } from "@/server/corrections/workflow";
import { documentRoute } from "@/server/http/document-route";
import { readJson } from "@/server/http/responses";

const body = z.union([
  z.object({ action: z.literal("accept"), ids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.object({ action: z.literal("reject"), ids: z.array(z.number().int().positive()).min(1).max(500), reason: z.string().trim().min(1).max(2000) }),
]);

/// Accepts or rejects several suggestions, in the order given, each in its own transaction: one
/// that conflicts (say, a competitor of one accepted just before) is reported and the rest go on.
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t, publish }) => {
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const results: { id: number; ok: boolean; code?: string; message?: string }[] = [];
    const touched = new Set<number>();
    for (const id of input.data.ids) {
      try {
        const out =
          input.data.action === "accept"
            ? await accept(db, { documentId, suggestionId: id, actor: user!, address })
            : await reject(db, { documentId, suggestionId: id, actor: user!, reason: input.data.reason, address });
        out.documents.forEach((d) => touched.add(d));
        results.push({ id, ok: true });
      } catch (e) {
        if (!(e instanceof CorrectionError)) throw e;
        results.push({ id, ok: false, code: e.code, message: t(e.messageKey, { ...e.params }) });
      }
    }
    await publish([...touched]);
    return Response.json({ results });
  });
}

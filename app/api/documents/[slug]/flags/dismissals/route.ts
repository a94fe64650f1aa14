import { z } from "zod";
import { answerFlagErrors } from "@/server/checks/errors";
import { dismissFlag } from "@/server/checks/store";
import { documentRoute } from "@/server/http/document-route";
import { readJson } from "@/server/http/responses";

const body = z.object({
  paragraphId: z.number().int().positive(),
  revision: z.number().int().positive(),
  rule: z.string().min(1).max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  reason: z.string().max(2000),
});

/// Dismisses a flag with a reason (reviewers and admins); answers the paragraph's flags.
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t }) =>
    answerFlagErrors(t, async () => {
      const input = await readJson(request, body, t);
      if (input instanceof Response) return input;
      return Response.json({ paragraph: await dismissFlag(db, { documentId, ...input.data, actor: user!, address }) }, { status: 201 });
    }),
  );
}

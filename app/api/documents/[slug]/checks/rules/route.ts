import { z } from "zod";
import { answerFlagErrors } from "@/server/checks/errors";
import { setRule } from "@/server/checks/store";
import { documentRoute } from "@/server/http/document-route";
import { readJson } from "@/server/http/responses";

const body = z.object({ rule: z.string().min(1).max(200), enabled: z.boolean() });

/// Switches a rule off (or back on) for this document: reviewers and admins.
export function PUT(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "review", async ({ db, documentId, user, address, t }) =>
    answerFlagErrors(t, async () => {
      const input = await readJson(request, body, t);
      if (input instanceof Response) return input;
      return Response.json({ rules: await setRule(db, { documentId, ...input.data, actor: user!, address }) });
    }),
  );
}

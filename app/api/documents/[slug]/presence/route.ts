import { z } from "zod";
import { hub } from "@/server/events/hub";
import { documentRoute } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ paragraph: z.number().int().min(0).max(1_000_000).nullable() });

/// Tells the other viewers which paragraph this user is looking at (null: none, or leaving).
/// Sent again every 20 s as a heartbeat; viewers forget a presence not heard of for 45 s.
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ documentId, user, t }) => {
    if (!user) return errorResponse(401, "signInRequired", t("errors.signInRequired"));
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    await hub().broadcast(documentId, "presence", { user: user.name, paragraph: input.data.paragraph, at: new Date().toISOString() });
    return new Response(null, { status: 204 });
  });
}

import { z } from "zod";
import { MAX_QUOTE_LENGTH } from "@/lib/comments/anchor";
import { createThread, MAX_COMMENT_LENGTH } from "@/server/comments/threads";
import { listThreads } from "@/server/comments/views";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

type Params = { params: Promise<{ slug: string }> };

/// The most paragraphs one request asks for.
const MAX_PARAGRAPHS = 2000;

/// The comment threads of some paragraphs (`?paragraphs=<id>,<id>,…`, French or English ids, at
/// most 2000), or of the whole document without the parameter; resolved ones included.
export function GET(request: Request, { params }: Params) {
  return documentRoute(request, params, "read", async ({ db, documentId, t }) => {
    const given = new URL(request.url).searchParams.get("paragraphs");
    if (given === null) return Response.json({ threads: await listThreads(db.kysely, documentId) });
    const ids = given === "" ? [] : given.split(",").map((v) => idParam(v));
    if (ids.length > MAX_PARAGRAPHS || ids.some((id) => id === null)) return errorResponse(400, "badRequest", t("errors.badRequest"));
    return Response.json({ threads: await listThreads(db.kysely, documentId, { paragraphIds: [...new Set(ids as number[])] }) });
  });
}

const body = z.object({
  paragraphId: z.number().int().positive(),
  revision: z.number().int().positive(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().min(1).max(MAX_QUOTE_LENGTH),
  text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});

/// Opens a comment thread on words of a French or English paragraph, with its first comment;
/// @name mentions notify.
export function POST(request: Request, { params }: Params) {
  return documentRoute(request, params, "comment", async ({ db, documentId, user, t, publish }) => {
    const input = await readJson(request, body, t);
    if (input instanceof Response) return input;
    const out = await createThread(db, { documentId, ...input.data, author: user! });
    await publish(out.documents);
    return Response.json({ thread: out.value }, { status: 201 });
  });
}

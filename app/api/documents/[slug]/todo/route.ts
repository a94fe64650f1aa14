import { filterFromQuery } from "@/lib/todo/query";
import { MAX_TODO_PAGE, TODO_PAGE } from "@/lib/todo/page";
import { documentRoute, idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";
import { documentTodo } from "@/server/todo";

/// The document's to-do list: open suggestions and threads, filtered by the query string
/// (`author`, `category`, `severity`, `status`, `age` = today|week|older, `kind` =
/// suggestion|thread, `mentions=me`), with the count of every filter value, a page at a time
/// (`from`, `limit` 1–1000). Anyone who may read the document may read it; "mentions me" needs
/// a signed-in viewer.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, user, t }) => {
    const url = new URL(request.url);
    const from = url.searchParams.has("from") ? idParam(url.searchParams.get("from"), 0) : 0;
    const limit = url.searchParams.has("limit") ? idParam(url.searchParams.get("limit"), 1) : TODO_PAGE;
    if (from === null || limit === null || limit > MAX_TODO_PAGE) return errorResponse(400, "badRequest", t("errors.badRequest"));
    const filter = filterFromQuery(url.searchParams);
    if (filter.mentionsMe && !user) return errorResponse(401, "signInRequired", t("errors.signInRequired"));
    return Response.json(await documentTodo(db.kysely, documentId, { filter, me: user?.name ?? null, from, limit }));
  });
}

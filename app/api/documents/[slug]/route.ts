import { guard } from "@/server/auth/request";
import { getDocument } from "@/server/documents";
import { errorResponse } from "@/server/http/responses";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const doc = await getDocument(g.db.kysely, (await params).slug);
  if (!doc) return errorResponse(404, "notFound", g.t("errors.notFoundText"));
  return Response.json({ document: doc });
}

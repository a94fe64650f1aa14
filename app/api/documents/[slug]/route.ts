import { getDocument } from "@/server/documents";
import { errorResponse } from "@/server/http/responses";
import { requestTranslation } from "@/server/i18n";
import { database } from "@/server/ready";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await database();
  const doc = await getDocument(db.kysely, (await params).slug);
  if (!doc) return errorResponse(404, "notFound", (await requestTranslation()).t("errors.notFoundText"));
  return Response.json({ document: doc });
}

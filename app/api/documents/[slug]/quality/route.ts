import { documentQuality } from "@/server/corrections/quality";
import { documentRoute } from "@/server/http/document-route";
import { readSettings } from "@/server/settings";

/// The document's MQM quality score.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId }) =>
    Response.json({ quality: await documentQuality(db.kysely, documentId, (await readSettings(db.kysely)).mqmWeights) }),
  );
}

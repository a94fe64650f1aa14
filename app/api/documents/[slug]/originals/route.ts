import { changedOriginals } from "@/server/corpus/originals";
import { documentRoute } from "@/server/http/document-route";

/// The imported machine translation of every French paragraph changed since its import:
/// `{ "originals": { "<position>": "<text as imported>" } }` (unchanged paragraphs are left out).
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId }) => Response.json({ originals: await changedOriginals(db.kysely, documentId) }));
}

import { documentTerms } from "@/server/glossary/document-terms";
import { documentRoute } from "@/server/http/document-route";

/// The document's term occurrences, consistency flags, entries and counts.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId }) => Response.json({ terms: await documentTerms(db.kysely, documentId) }));
}

import { documentChecks } from "@/server/checks/store";
import { documentRoute } from "@/server/http/document-route";

/// The document's flags (each with its dismissal), its rules (on or off) and its Grammalecte pass.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId }) => Response.json({ checks: await documentChecks(db, documentId) }));
}

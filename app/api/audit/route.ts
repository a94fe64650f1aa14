import { listAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";

/// The audit log, newest first: `?limit=100&before=<id>&action=login.failed`.
export async function GET(request: Request) {
  const g = await guardUser(request, "readAudit");
  if (g instanceof Response) return g;
  const url = new URL(request.url);
  const limit = Math.min(500, Math.max(1, Math.trunc(Number(url.searchParams.get("limit") ?? 100)) || 100));
  const before = Number(url.searchParams.get("before")) || undefined;
  const action = url.searchParams.get("action") ?? undefined;
  return Response.json({ entries: await listAudit(g.db.kysely, { limit, before, action }) });
}

import { listAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { idParam } from "@/server/http/document-route";

/// The audit log, newest first: `?limit=100&before=<id>&action=login.failed`.
export async function GET(request: Request) {
  const g = await guardUser(request, "readAudit");
  if (g instanceof Response) return g;
  const url = new URL(request.url);
  const limit = Math.min(500, Math.max(1, Math.trunc(Number(url.searchParams.get("limit") ?? 100)) || 100));
  // Only values an audit query can hold reach the database (PostgreSQL refuses NUL, and numbers
  // past its integers).
  const before = idParam(url.searchParams.get("before")) ?? undefined;
  const actionParam = url.searchParams.get("action");
  const action = actionParam !== null && /^[a-z]+(\.[a-z]+)*$/.test(actionParam) ? actionParam : actionParam === null ? undefined : "";
  return Response.json({ entries: await listAudit(g.db.kysely, { limit, before, action }) });
}

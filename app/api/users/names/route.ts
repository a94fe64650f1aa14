import { guardUser } from "@/server/auth/request";

/// Account names starting with `?q=` (case-blind), at most 8: what
/// the comment box offers after "@". Only for people who may comment.
export async function GET(request: Request) {
  const g = await guardUser(request, "comment");
  if (g instanceof Response) return g;
  const q = (new URL(request.url).searchParams.get("q") ?? "").normalize("NFC").toLocaleLowerCase("und").slice(0, 40);
  // A range rather than LIKE: "_" and "." are parts of names, not patterns.
  const rows = await g.db.kysely
    .selectFrom("users")
    .select("name")
    .where("name_key", ">=", q)
    .where("name_key", "<", `${q}\uffff`)
    .orderBy("name_key")
    .limit(8)
    .execute();
  return Response.json({ names: rows.map((r) => r.name) });
}

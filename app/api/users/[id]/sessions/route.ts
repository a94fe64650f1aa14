import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { endUserSessions } from "@/server/auth/sessions";
import { findUser } from "@/server/auth/users";
import { announceAccessChange } from "@/server/events/access";
import { idParam } from "@/server/http/document-route";
import { errorResponse } from "@/server/http/responses";

/// Ends every session of an account (signs that person out everywhere).
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guardUser(request, "manageUsers");
  if (g instanceof Response) return g;
  const id = idParam((await params).id) ?? 0;
  const target = Number.isSafeInteger(id) && id > 0 ? await findUser(g.db.kysely, id) : undefined;
  if (!target) return errorResponse(404, "unknownUser", g.t("errors.account.unknownUser"));
  const ended = await g.db.kysely.transaction().execute(async (trx) => {
    const n = await endUserSessions(trx, id);
    await recordAudit(trx, { actor: g.user, action: "user.sessions.end", target: target.name, detail: { sessions: n }, address: g.address });
    return n;
  });
  await announceAccessChange();
  return Response.json({ ended });
}

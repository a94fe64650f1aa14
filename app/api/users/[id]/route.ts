import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { AccountError, setUserRole } from "@/server/auth/users";
import { announceAccessChange } from "@/server/events/access";
import { idParam } from "@/server/http/document-route";
import { errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ role: z.string().max(40) });

/// Changes an account's role: `{role}`.
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guardUser(request, "manageUsers");
  if (g instanceof Response) return g;
  const id = idParam((await params).id) ?? 0;
  if (!Number.isSafeInteger(id) || id <= 0) return errorResponse(404, "unknownUser", g.t("errors.account.unknownUser"));
  const input = await readJson(request, body, g.t);
  if (input instanceof Response) return input;
  try {
    const { before, after } = await g.db.kysely.transaction().execute(async (trx) => {
      const change = await setUserRole(trx, id, input.data.role);
      await recordAudit(trx, {
        actor: g.user,
        action: "user.role",
        target: change.after.name,
        detail: { from: change.before.role, to: change.after.role },
        address: g.address,
      });
      return change;
    });
    if (before.role !== after.role) await announceAccessChange();
    return Response.json({ user: after, previousRole: before.role });
  } catch (e) {
    if (e instanceof AccountError) {
      const status = e.code === "unknownUser" ? 404 : e.code === "lastAdmin" ? 409 : 400;
      return errorResponse(status, e.code, g.t(e.key, e.params), e.params);
    }
    throw e;
  }
}

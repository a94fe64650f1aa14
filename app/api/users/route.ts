import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { AccountError, createUser, listUsers } from "@/server/auth/users";
import { HashingBusyError } from "@/server/auth/password";
import { busyResponse, errorResponse, readJson } from "@/server/http/responses";

const body = z.object({ name: z.string().max(100), password: z.string().max(1024), role: z.string().max(40) });

export async function GET(request: Request) {
  const g = await guardUser(request, "manageUsers");
  if (g instanceof Response) return g;
  return Response.json({ users: await listUsers(g.db.kysely) });
}

/// Creates an account: `{name, password, role}`.
export async function POST(request: Request) {
  const g = await guardUser(request, "manageUsers");
  if (g instanceof Response) return g;
  const input = await readJson(request, body, g.t);
  if (input instanceof Response) return input;
  try {
    const user = await g.db.kysely.transaction().execute(async (trx) => {
      const created = await createUser(trx, input.data);
      await recordAudit(trx, { actor: g.user, action: "user.create", target: created.name, detail: { role: created.role }, address: g.address });
      return created;
    });
    return Response.json({ user }, { status: 201 });
  } catch (e) {
    if (e instanceof HashingBusyError) return busyResponse(g.t);
    if (e instanceof AccountError) return errorResponse(e.code === "nameTaken" ? 409 : 400, e.code, g.t(e.key, e.params), e.params);
    throw e;
  }
}

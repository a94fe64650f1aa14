import { cookies } from "next/headers";
import { recordAudit } from "@/server/audit";
import { clearedSessionCookie } from "@/server/auth/cookie";
import { clientAddress, currentUser } from "@/server/auth/request";
import { endSession, SESSION_COOKIE } from "@/server/auth/sessions";
import { announceAccessChange } from "@/server/events/access";
import { isSameOrigin } from "@/server/http/forwarded";
import { errorResponse } from "@/server/http/responses";
import { requestTranslation } from "@/server/i18n";
import { database } from "@/server/ready";

/// Signs out: ends this browser's session and clears its cookie.
export async function POST(request: Request) {
  const [{ t }, db] = await Promise.all([requestTranslation(), database()]);
  if (!isSameOrigin(request)) return errorResponse(403, "foreignOrigin", t("errors.foreignOrigin"));
  const user = await currentUser(db);
  await endSession(db.kysely, (await cookies()).get(SESSION_COOKIE)?.value);
  if (user) await recordAudit(db.kysely, { actor: user, action: "logout", target: user.name, address: clientAddress(request.headers) });
  await announceAccessChange();
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(request) } });
}

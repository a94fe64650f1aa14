import { z } from "zod";
import { sessionCookie } from "@/server/auth/cookie";
import { clientAddress } from "@/server/auth/request";
import { createSession } from "@/server/auth/sessions";
import { completeSetup } from "@/server/auth/setup";
import { AccountError } from "@/server/auth/users";
import { isSameOrigin } from "@/server/http/forwarded";
import { HashingBusyError } from "@/server/auth/password";
import { busyResponse, errorResponse, readJson } from "@/server/http/responses";
import { requestTranslation } from "@/server/i18n";
import { database } from "@/server/ready";

const body = z.object({ token: z.string().min(1).max(200), name: z.string().max(100), password: z.string().max(1024) });

/// Creates the first admin with the one-time token the server printed, and signs them in.
export async function POST(request: Request) {
  const [{ t }, db] = await Promise.all([requestTranslation(), database()]);
  if (!isSameOrigin(request)) return errorResponse(403, "foreignOrigin", t("errors.foreignOrigin"));
  const input = await readJson(request, body, t);
  if (input instanceof Response) return input;
  const address = clientAddress(request.headers);
  try {
    const user = await completeSetup(db.kysely, { ...input.data, address });
    if (!user) return errorResponse(403, "setupClosed", t("errors.setupClosed"));
    const session = await createSession(db.kysely, user.id, { address, userAgent: request.headers.get("user-agent") });
    const response = Response.json({ user }, { status: 201 });
    response.headers.append("set-cookie", sessionCookie(request, session.token, session.expiresAt));
    return response;
  } catch (e) {
    if (e instanceof HashingBusyError) return busyResponse(t);
    if (e instanceof AccountError) return errorResponse(400, e.code, t(e.key, e.params), e.params);
    throw e;
  }
}

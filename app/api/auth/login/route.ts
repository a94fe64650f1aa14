import { cookies } from "next/headers";
import { z } from "zod";
import { sessionCookie } from "@/server/auth/cookie";
import { login } from "@/server/auth/login";
import { clientAddress } from "@/server/auth/request";
import { endSession, SESSION_COOKIE } from "@/server/auth/sessions";
import { announceAccessChange } from "@/server/events/access";
import { isSameOrigin } from "@/server/http/forwarded";
import { busyResponse, errorResponse, readJson } from "@/server/http/responses";
import { requestTranslation } from "@/server/i18n";
import { database } from "@/server/ready";

const body = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1024) });

/// Signs in with `{name, password}`; sets a new session cookie (any session the browser had
/// is ended first, so a planted session id never becomes a signed-in one).
export async function POST(request: Request) {
  const [{ t }, db] = await Promise.all([requestTranslation(), database()]);
  if (!isSameOrigin(request)) return errorResponse(403, "foreignOrigin", t("errors.foreignOrigin"));
  const input = await readJson(request, body, t);
  if (input instanceof Response) return input;
  const previous = (await cookies()).get(SESSION_COOKIE)?.value;
  const outcome = await login(db.kysely, {
    ...input.data,
    address: clientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  if (!outcome.ok) {
    if (outcome.reason === "busy") return busyResponse(t);
    if (outcome.reason === "throttled") {
      const response = errorResponse(429, "throttled", t("errors.throttled", { count: Math.ceil(outcome.retryAfterSeconds / 60) }));
      response.headers.set("retry-after", String(outcome.retryAfterSeconds));
      return response;
    }
    return errorResponse(401, "invalidCredentials", t("errors.invalidCredentials"));
  }
  await endSession(db.kysely, previous);
  if (previous) await announceAccessChange();
  const response = Response.json({ user: outcome.user });
  response.headers.append("set-cookie", sessionCookie(request, outcome.token, outcome.expiresAt));
  return response;
}

/// Signing in is a POST; a GET (a link from anywhere) changes nothing, cookies included.
export function GET() {
  return new Response(null, { status: 405, headers: { allow: "POST" } });
}

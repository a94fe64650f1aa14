/// Setting and clearing the session cookie on a response.
import "server-only";
import { isHttps as secure } from "../http/forwarded";
import { SESSION_COOKIE } from "./sessions";

/// HttpOnly, SameSite=Lax, Secure under HTTPS, for the whole site, until the session expires.
export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure(request) ? ["Secure"] : []),
  ].join("; ");
}

/// A cookie that removes the session cookie.
export function clearedSessionCookie(request: Request): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure(request) ? ["Secure"] : [])].join("; ");
}

/// Setting and clearing the session cookie on a response.
import "server-only";
import { SESSION_COOKIE } from "./sessions";

function secure(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

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

/// Server-side sessions: the browser holds a random token in an HttpOnly cookie, the database
/// holds its SHA-256, the user and the expiry.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../lib/auth/roles";
import { replaceControlCharacters } from "../../lib/text/controls";
import type { Database } from "../db/schema";
import type { User } from "./users";

/// The session cookie's name.
export const SESSION_COOKIE = "vv_session";
/// How long a session lasts from sign-in: 14 days.
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/// Opens a new session (a fresh random id every sign-in, so a planted id is never adopted).
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  client: { address?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      address: client.address ?? null,
      user_agent: client.userAgent ? replaceControlCharacters(client.userAgent.slice(0, 300)) : null,
    })
    .execute();
  return { token, expiresAt };
}

/// The user a session token belongs to, or null when the token is unknown or expired (an
/// expired session is deleted on sight).
export async function sessionUser(db: Kysely<Database>, token: string | undefined): Promise<User | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.name", "u.role", "s.expires_at", "s.last_seen_at"])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > 5 * 60 * 1000) {
    await db.updateTable("sessions").set({ last_seen_at: new Date(now).toISOString() }).where("id", "=", id).execute();
  }
  return { id: row.id, name: row.name, role: row.role as Role };
}

/// Ends one session (sign-out).
export async function endSession(db: Kysely<Database>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
}

/// Ends every session of a user; returns how many there were.
export async function endUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

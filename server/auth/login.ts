/// Signing in: throttled per account and per address, every attempt written to the audit log
/// (the log is also what the throttle counts, so it holds across app instances).
import "server-only";
import type { Kysely } from "kysely";
import { userNameKey } from "../../lib/auth/names";
import type { Database } from "../db/schema";
import { HashingBusyError, UNUSABLE_HASH, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { User } from "./users";
import { findUserByName } from "./users";

/// Failed attempts allowed in the window before sign-in is refused for a while.
export const THROTTLE = { windowMs: 15 * 60 * 1000, perAccount: 5, perAddress: 20 };

export type LoginOutcome =
  | { ok: true; user: User; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  /// Too many passwords are being checked at once: try again in a second (not a failure).
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

async function failuresSince(db: Kysely<Database>, column: "target" | "address", value: string, since: string, beforeId: number) {
  const rows = await db
    .selectFrom("audit_log")
    .select("at")
    .where("action", "=", "login.failed")
    .where(column, "=", value)
    .where("at", ">", since)
    .where("id", "<", beforeId)
    .orderBy("at")
    .execute();
  return rows.map((r) => r.at);
}

/// Seconds until sign-in is allowed again for this account or address, or 0, counting the
/// failures of the attempts that came before attempt `attemptId`.
async function throttledFor(db: Kysely<Database>, key: string, address: string | null, now: number, attemptId: number): Promise<number> {
  const windowStart = new Date(now - THROTTLE.windowMs).toISOString();
  // A successful sign-in clears the account's count.
  const lastSuccess = await db
    .selectFrom("audit_log")
    .select("at")
    .where("action", "=", "login")
    .where("target", "=", key)
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  const accountSince = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const wait = (times: string[], limit: number) =>
    times.length >= limit ? Math.ceil((Date.parse(times[times.length - limit]) + THROTTLE.windowMs - now) / 1000) : 0;
  const byAccount = wait(await failuresSince(db, "target", key, accountSince, attemptId), THROTTLE.perAccount);
  const byAddress = address ? wait(await failuresSince(db, "address", address, windowStart, attemptId), THROTTLE.perAddress) : 0;
  return Math.max(byAccount, byAddress, 0);
}

/// Checks a name and password and opens a session. The answer never says whether the name
/// exists.
export async function login(
  db: Kysely<Database>,
  input: { name: string; password: string; address: string | null; userAgent: string | null },
): Promise<LoginOutcome> {
  const key = userNameKey(input.name.trim());
  const now = Date.now();
  // Every attempt is written down first, as a failure, and only the attempts written before it
  // count against it: a burst of parallel guesses is throttled like guesses one after another.
  const { id: attemptId } = await db
    .insertInto("audit_log")
    .values({ at: new Date(now).toISOString(), actor_id: null, actor_name: null, action: "login.failed", target: key, detail: null, address: input.address })
    .returning("id")
    .executeTakeFirstOrThrow();
  const settle = (set: { action: string; actor_id?: number; actor_name?: string }) =>
    db.updateTable("audit_log").set(set).where("id", "=", attemptId).execute();
  const retryAfterSeconds = await throttledFor(db, key, input.address, now, attemptId);
  if (retryAfterSeconds > 0) {
    await settle({ action: "login.throttled" });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  const user = await findUserByName(db, key);
  let valid: boolean;
  try {
    valid = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  } catch (e) {
    if (!(e instanceof HashingBusyError)) throw e;
    await settle({ action: "login.busy" });
    return { ok: false, reason: "busy" };
  }
  if (!user || !valid) return { ok: false, reason: "invalid" };
  const session = await createSession(db, user.id, { address: input.address, userAgent: input.userAgent });
  const me = { id: user.id, name: user.name, role: user.role };
  await settle({ action: "login", actor_id: me.id, actor_name: me.name });
  return { ok: true, user: me, ...session };
}

/// Who is asking, and may they: the checks every route handler and page runs itself.
import "server-only";
import type { TFunction } from "i18next";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { can, type Action } from "../../lib/auth/roles";
import type { Db } from "../db/connection";
import { clientAddress, isSameOrigin } from "../http/forwarded";
import { errorResponse } from "../http/responses";
import { requestTranslation } from "../i18n";
import { database } from "../ready";
import { readSettings } from "../settings";
import { SESSION_COOKIE, sessionUser } from "./sessions";
import type { User } from "./users";

export { clientAddress };

/// The signed-in user of the current request, or null.
export async function currentUser(db?: Db): Promise<User | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return sessionUser((db ?? (await database())).kysely, token);
}

export interface Guarded {
  db: Db;
  user: User | null;
  t: TFunction;
  address: string | null;
}

/// For route handlers: refuses a state-changing request whose Origin is missing or foreign
/// (403), a visitor where an account is needed (401), a role without the permission (403).
/// "read" is open to visitors while the publicReading setting is on.
export async function guard(request: Request, action: Action): Promise<(Guarded & { user: User | null }) | Response> {
  const [{ t }, db] = await Promise.all([requestTranslation(), database()]);
  const writes = request.method !== "GET" && request.method !== "HEAD";
  if (writes && !isSameOrigin(request)) return errorResponse(403, "foreignOrigin", t("errors.foreignOrigin"));
  const user = await currentUser(db);
  const address = clientAddress(request.headers);
  if (!user) {
    if (action === "read" && (await readSettings(db.kysely)).publicReading) return { db, user, t, address };
    return errorResponse(401, "signInRequired", t("errors.signInRequired"));
  }
  if (!can(user.role, action)) return errorResponse(403, "forbidden", t("errors.forbidden"));
  return { db, user, t, address };
}

/// Like `guard`, for a handler whose action always needs an account: the user is never null.
export async function guardUser(request: Request, action: Exclude<Action, "read">): Promise<(Guarded & { user: User }) | Response> {
  return guard(request, action) as Promise<(Guarded & { user: User }) | Response>;
}

/// For pages: sends a visitor to sign in (and back here after) when the page needs an
/// account, and answers 403 through `forbidden` when the role lacks the permission.
export async function requirePagePermission(action: Action, here: string): Promise<{ db: Db; user: User | null }> {
  // Pages that check permissions depend on the request: `next build` must not prerender them
  // (it would open, migrate and fill the database while building).
  await connection();
  const db = await database();
  const user = await currentUser(db);
  if (!user) {
    if (action === "read" && (await readSettings(db.kysely)).publicReading) return { db, user };
    redirect(`/login?next=${encodeURIComponent(here)}`);
  }
  if (!can(user.role, action)) forbidden();
  return { db, user };
}

/// The address of the request a server component is rendering.
export async function pageAddress(): Promise<string | null> {
  return clientAddress(await headers());
}

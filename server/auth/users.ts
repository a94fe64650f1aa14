/// Accounts: creating them, listing them, changing roles.
import "server-only";
import type { Kysely } from "kysely";
import { isValidUserName, userNameKey } from "../../lib/auth/names";
import { passwordProblem } from "../../lib/auth/password-policy";
import { isRole, type Role } from "../../lib/auth/roles";
import type { Database } from "../db/schema";
import { isCommonPassword } from "./common-passwords";
import { hashPassword } from "./password";

/// A refused account operation, with a code and the key of the message the interface shows
/// (`errors.account.<code>`, or `security.password.<reason>` for a refused password).
export class AccountError extends Error {
  constructor(
    readonly code: "invalidName" | "nameTaken" | "weakPassword" | "invalidRole" | "unknownUser" | "lastAdmin",
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly key = `errors.account.${code}`,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

/// A user as the rest of the app sees one: never with the password hash.
export interface User {
  id: number;
  name: string;
  role: Role;
}

export interface UserListing extends User {
  createdAt: string;
  sessions: number;
}

/// Checks a new password for the account `name` against the password rules
/// (lib/auth/password-policy.ts), or throws `weakPassword` with the reason. Every way of setting
/// a password goes through here.
export function checkPassword(password: string, name: string): void {
  const problem = passwordProblem(password, name, isCommonPassword);
  if (problem) {
    const { reason, min, max } = problem;
    const why = {
      length: `a password needs ${min} to ${max} characters`,
      common: "this password is on the list of common passwords",
      userName: "a password cannot be built on the user name",
      repeated: "a password cannot be one character or group repeated",
      sequential: "a password cannot be one run of consecutive characters",
    }[reason];
    throw new AccountError("weakPassword", why, { reason, min, max }, `security.password.${reason}`);
  }
}

/// Creates an account; the name must be free (compared without case).
export async function createUser(db: Kysely<Database>, input: { name: string; password: string; role: string }): Promise<User> {
  const name = input.name.normalize("NFC").trim();
  if (!isValidUserName(name)) {
    throw new AccountError("invalidName", "a user name has 2 to 40 letters, digits, dots, hyphens or underscores", {});
  }
  if (!isRole(input.role)) throw new AccountError("invalidRole", `unknown role "${input.role}"`, { role: input.role });
  checkPassword(input.password, name);
  const password_hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  // One statement checks and inserts, so two people taking the same name at once get one
  // account and one 409, never a unique-constraint error.
  const created = await db
    .insertInto("users")
    .values({ name, name_key: userNameKey(name), password_hash, role: input.role, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("name_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!created) throw new AccountError("nameTaken", `the name "${name}" is taken`, { name });
  return { id: created.id, name, role: input.role };
}

/// The account with this name (any case), with its password hash, or undefined.
export async function findUserByName(db: Kysely<Database>, name: string) {
  const row = await db.selectFrom("users").selectAll().where("name_key", "=", userNameKey(name)).executeTakeFirst();
  return row && { id: row.id, name: row.name, role: row.role as Role, passwordHash: row.password_hash };
}

/// One account by id, or undefined.
export async function findUser(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(["id", "name", "role"]).where("id", "=", id).executeTakeFirst();
  return row && { id: row.id, name: row.name, role: row.role as Role };
}

/// How many accounts exist.
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/// Every account by name, with its number of open sessions.
export async function listUsers(db: Kysely<Database>): Promise<UserListing[]> {
  const now = new Date().toISOString();
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("sessions as s", (j) => j.onRef("s.user_id", "=", "u.id").on("s.expires_at", ">", now))
    .select((eb) => ["u.id", "u.name", "u.role", "u.created_at", eb.fn.count<number>("s.id").as("sessions")])
    .groupBy(["u.id", "u.name", "u.role", "u.created_at", "u.name_key"])
    .orderBy("u.name_key")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at, sessions: Number(r.sessions) }));
}

/// The settings row every role change writes first: a lock on one row, so that role changes run
/// one after another on PostgreSQL too (two admins demoting each other at once must not both see
/// the other still an admin), while reading stays free.
const ROLE_CHANGE_LOCK = "roleChangeLock";

/// Changes an account's role. The last admin cannot be demoted, so the app always has one: the
/// check and the update are one atomic step (a lock taken first, then the count and the update,
/// all in one transaction). Returns the account before and after. Runs in the caller's
/// transaction when given one (Kysely cannot nest transactions), else in a transaction of its own.
export async function setUserRole(db: Kysely<Database>, id: number, role: string): Promise<{ before: User; after: User }> {
  if (!isRole(role)) throw new AccountError("invalidRole", `unknown role "${role}"`, { role });
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  return inTransaction(async (trx) => {
    const stamp = JSON.stringify(new Date().toISOString());
    await trx
      .insertInto("settings")
      .values({ key: ROLE_CHANGE_LOCK, value: stamp })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: stamp }))
      .execute();
    const before = await findUser(trx, id);
    if (!before) throw new AccountError("unknownUser", `no user with id ${id}`, { id });
    if (before.role === "admin" && role !== "admin") {
      const { n } = await trx
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "=", "admin")
        .executeTakeFirstOrThrow();
      if (Number(n) <= 1) throw new AccountError("lastAdmin", "the last admin cannot lose the admin role", {});
    }
    await trx.updateTable("users").set({ role, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
    return { before, after: { ...before, role } };
  });
}

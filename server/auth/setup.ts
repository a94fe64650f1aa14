/// The first admin: while no account exists, the server prints a one-time link whose token
/// lets one person create the first admin account.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit";
import type { Database } from "../db/schema";
import { countUsers, createUser, type User } from "./users";

const KEY = "setupTokenHash";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/// When there is no account yet, makes a new one-time setup token (replacing any older one)
/// and returns it; otherwise returns null.
export async function issueSetupToken(db: Kysely<Database>): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = randomBytes(24).toString("base64url");
  const value = JSON.stringify(hash(token));
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
  return token;
}

/// Whether a token is the current setup token and no account exists yet.
export async function isSetupTokenValid(db: Kysely<Database>, token: string): Promise<boolean> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  return !!row && JSON.parse(row.value) === hash(token) && (await countUsers(db)) === 0;
}

/// Creates the first admin with a valid setup token, and spends the token. Returns null when
/// the token is wrong or an account already exists. Spending the token comes first and is one
/// statement (a conditional delete), so two people using the link at once make one admin.
export async function completeSetup(
  db: Kysely<Database>,
  input: { token: string; name: string; password: string; address: string | null },
): Promise<User | null> {
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .deleteFrom("settings")
      .where("key", "=", KEY)
      .where("value", "=", JSON.stringify(hash(input.token)))
      .returning("key")
      .executeTakeFirst();
    if (!spent || (await countUsers(trx)) > 0) return null;
    const user = await createUser(trx, { name: input.name, password: input.password, role: "admin" });
    await recordAudit(trx, { actor: user, action: "setup.admin", target: user.name, address: input.address });
    return user;
  });
}

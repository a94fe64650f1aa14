import { afterEach, describe, expect, it } from "vitest";
import { listAudit } from "../../../server/audit";
import { login, THROTTLE } from "../../../server/auth/login";
import { commonPasswordCount } from "../../../server/auth/common-passwords";
import { HASHING, HashingBusyError, hashingLoad, hashPassword, verifyPassword } from "../../../server/auth/password";
import { createSession, endSession, endUserSessions, sessionUser } from "../../../server/auth/sessions";
import { completeSetup, isSetupTokenValid, issueSetupToken } from "../../../server/auth/setup";
import { AccountError, createUser, listUsers, setUserRole } from "../../../server/auth/users";
import type { Db } from "../../../server/db/connection";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const PASSWORD = "correct horse battery";

describe("password hashing", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, "garbage")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("runs a bounded number of hashes at once and refuses, without waiting, the ones past the queue", async () => {
    const hash = await hashPassword(PASSWORD);
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, hashingLoad().running)), 1);
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => verifyPassword(PASSWORD, hash)));
    clearInterval(watch);
    const done = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(done).toHaveLength(HASHING.running + HASHING.waiting);
    expect(done.every((o) => o.status === "fulfilled" && o.value === true)).toBe(true);
    expect(refused).toHaveLength(100 - HASHING.running - HASHING.waiting);
    expect(refused.every((o) => o.status === "rejected" && o.reason instanceof HashingBusyError)).toBe(true);
    expect(most).toBeLessThanOrEqual(HASHING.running);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
    // Once the burst is over, hashing works again.
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
  });
});

describe("the list of common passwords", () => {
  it("holds at least the 10,000 most common", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });
});

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());
  const signIn = (name: string, password: string, address = "10.0.0.1") =>
    login(db.kysely, { name, password, address, userAgent: "test" });

  it("creates accounts with unique names whatever their case, and refuses bad ones", async () => {
    db = await freshDatabase(engine);
    const alice = await createUser(db.kysely, { name: "Alice", password: PASSWORD, role: "corrector" });
    expect(alice).toMatchObject({ name: "Alice", role: "corrector" });
    const code = async (input: { name: string; password: string; role: string }) =>
      createUser(db.kysely, input).then(
        () => "created",
        (e) => (e instanceof AccountError ? e.code : String(e)),
      );
    expect(await code({ name: "alice", password: PASSWORD, role: "reader" })).toBe("nameTaken");
    expect(await code({ name: "<b>x</b>", password: PASSWORD, role: "reader" })).toBe("invalidName");
    expect(await code({ name: "bob", password: "short", role: "reader" })).toBe("weakPassword");
    expect(await code({ name: "bob", password: PASSWORD, role: "root" })).toBe("invalidRole");
    // The password rules of NIST SP 800-63B (lib/auth/password-policy.ts), for every account.
    const refusedBecause = async (name: string, password: string) =>
      createUser(db.kysely, { name, password, role: "reader" }).then(
        () => "created",
        (e) => (e instanceof AccountError ? `${e.code}:${e.params.reason}:${e.key}` : String(e)),
      );
    expect(await refusedBecause("bob", "aaaaaaaaaa")).toBe("weakPassword:repeated:security.password.repeated");
    expect(await refusedBecause("bob", " ".repeat(10))).toBe("weakPassword:repeated:security.password.repeated");
    expect(await refusedBecause("bob", "1234567890")).toBe("weakPassword:sequential:security.password.sequential");
    expect(await refusedBecause("Bernadette", "bernadette")).toBe("weakPassword:userName:security.password.userName");
    expect(await refusedBecause("bob", "password1234")).toBe("weakPassword:common:security.password.common");
    expect(await refusedBecause("bob", "1qaz2wsx3edc")).toBe("weakPassword:common:security.password.common");
    expect((await listUsers(db.kysely)).map((u) => u.name)).toEqual(["Alice"]);
  });

  it("signs in with the right password, opens a session and records it", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reviewer" });
    const outcome = await signIn("ALICE", PASSWORD);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(await sessionUser(db.kysely, outcome.token)).toMatchObject({ name: "alice", role: "reviewer" });
    const [entry] = await listAudit(db.kysely, { action: "login" });
    expect(entry).toMatchObject({ actor: "alice", target: "alice", address: "10.0.0.1" });
  });

  it("refuses a wrong password or unknown name alike, and records the failure", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    expect(await signIn("alice", "wrong password!")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("nobody", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect((await listAudit(db.kysely, { action: "login.failed" })).map((e) => e.target)).toEqual(["nobody", "alice"]);
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await signIn("alice", "guess " + i, `10.0.1.${i}`)).ok).toBe(false);
    const outcome = await signIn("alice", PASSWORD, "10.0.2.1");
    expect(outcome).toMatchObject({ ok: false, reason: "throttled" });
    if (!outcome.ok && outcome.reason === "throttled") expect(outcome.retryAfterSeconds).toBeGreaterThan(800);
    // Another account is not affected.
    await createUser(db.kysely, { name: "bob", password: PASSWORD, role: "reader" });
    expect((await signIn("bob", PASSWORD, "10.0.2.1")).ok).toBe(true);
  });

  it("forgets an account's earlier failures once its owner signs in", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    const fail = async (n: number) => {
      for (let i = 0; i < n; i++) expect(await signIn("alice", `typo ${i}`, `10.0.5.${i}`)).toMatchObject({ ok: false, reason: "invalid" });
    };
    await fail(THROTTLE.perAccount - 1);
    expect((await signIn("alice", PASSWORD, "10.0.6.1")).ok).toBe(true);
    // Counting from the sign-in: as many failures again stay under the limit.
    await fail(THROTTLE.perAccount - 1);
    expect((await signIn("alice", PASSWORD, "10.0.6.2")).ok).toBe(true);
  });

  it("throttles a burst of parallel guesses like guesses one after another", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => signIn("alice", `guess ${i}`, `10.0.3.${i}`)));
    const invalid = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    expect(invalid).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled").length).toBe(15 - invalid);
    expect(await signIn("alice", PASSWORD, "10.0.4.1")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("throttles an address trying many accounts", async () => {
    db = await freshDatabase(engine);
    await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    for (let i = 0; i < THROTTLE.perAddress; i++) await signIn(`user${i}`, "guess", "10.9.9.9");
    expect(await signIn("alice", PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await signIn("alice", PASSWORD, "10.9.9.8")).ok).toBe(true);
  });

  it("keeps an admin when the last two demote each other at the same moment", async () => {
    db = await freshDatabase(engine);
    const a = await createUser(db.kysely, { name: "ada", password: PASSWORD, role: "admin" });
    const b = await createUser(db.kysely, { name: "bea", password: PASSWORD, role: "admin" });
    const admins = async () => (await listUsers(db.kysely)).filter((u) => u.role === "admin").length;
    for (let round = 0; round < 12; round++) {
      const outcomes = await Promise.allSettled([setUserRole(db.kysely, a.id, "reader"), setUserRole(db.kysely, b.id, "reviewer")]);
      expect(outcomes.filter((o) => o.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason, `round ${round}`).toMatchObject({ code: "lastAdmin" });
      expect(await admins(), `round ${round}`).toBe(1);
      await setUserRole(db.kysely, a.id, "admin");
      await setUserRole(db.kysely, b.id, "admin");
    }
  });

  it("gives one account and one nameTaken when two people take the same name at once", async () => {
    db = await freshDatabase(engine);
    const outcomes = await Promise.allSettled(
      ["Zoé", "zoé", "ZOÉ"].map((name) => createUser(db.kysely, { name, password: PASSWORD, role: "reader" })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "nameTaken" });
    expect(await listUsers(db.kysely)).toHaveLength(1);
  });

  it("ends one session, or all of a user's, and forgets expired ones", async () => {
    db = await freshDatabase(engine);
    const alice = await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    const a = await createSession(db.kysely, alice.id);
    const b = await createSession(db.kysely, alice.id);
    expect(a.token).not.toBe(b.token);
    await endSession(db.kysely, a.token);
    expect(await sessionUser(db.kysely, a.token)).toBeNull();
    expect(await sessionUser(db.kysely, b.token)).not.toBeNull();
    expect(await endUserSessions(db.kysely, alice.id)).toBe(1);
    expect(await sessionUser(db.kysely, b.token)).toBeNull();
    const c = await createSession(db.kysely, alice.id);
    await db.kysely.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect(await sessionUser(db.kysely, c.token)).toBeNull();
    expect(await db.kysely.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("stores only a hash of the session token", async () => {
    db = await freshDatabase(engine);
    const alice = await createUser(db.kysely, { name: "alice", password: PASSWORD, role: "reader" });
    const { token } = await createSession(db.kysely, alice.id);
    const rows = await db.kysely.selectFrom("sessions").select("id").execute();
    expect(rows[0].id).not.toContain(token);
    expect(await sessionUser(db.kysely, rows[0].id)).toBeNull();
  });

  it("never demotes the last admin", async () => {
    db = await freshDatabase(engine);
    const root = await createUser(db.kysely, { name: "root", password: PASSWORD, role: "admin" });
    await expect(setUserRole(db.kysely, root.id, "reader")).rejects.toMatchObject({ code: "lastAdmin" });
    const second = await createUser(db.kysely, { name: "second", password: PASSWORD, role: "admin" });
    expect((await setUserRole(db.kysely, root.id, "reader")).after.role).toBe("reader");
    await expect(setUserRole(db.kysely, second.id, "corrector")).rejects.toMatchObject({ code: "lastAdmin" });
    await expect(setUserRole(db.kysely, 9999, "reader")).rejects.toMatchObject({ code: "unknownUser" });
  });

  it("creates the first admin once with the setup token", async () => {
    db = await freshDatabase(engine);
    const token = (await issueSetupToken(db.kysely))!;
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(await isSetupTokenValid(db.kysely, "wrong")).toBe(false);
    expect(await completeSetup(db.kysely, { token: "wrong", name: "root", password: PASSWORD, address: null })).toBeNull();
    const admin = await completeSetup(db.kysely, { token, name: "root", password: PASSWORD, address: "10.0.0.1" });
    expect(admin).toMatchObject({ name: "root", role: "admin" });
    expect(await completeSetup(db.kysely, { token, name: "again", password: PASSWORD, address: null })).toBeNull();
    expect(await issueSetupToken(db.kysely)).toBeNull();
    expect((await listAudit(db.kysely, { action: "setup.admin" }))[0]).toMatchObject({ actor: "root" });
  });

  it("makes one first admin when the setup link is used twice at the same moment", async () => {
    db = await freshDatabase(engine);
    const token = (await issueSetupToken(db.kysely))!;
    const outcomes = await Promise.all(
      ["root", "rival"].map((name) => completeSetup(db.kysely, { token, name, password: PASSWORD, address: null }).catch((e) => e)),
    );
    expect(outcomes.filter((o) => o && !(o instanceof Error) && o.role === "admin")).toHaveLength(1);
    expect((await listUsers(db.kysely)).map((u) => u.role)).toEqual(["admin"]);
    expect(await isSetupTokenValid(db.kysely, token)).toBe(false);
  });

  it("keeps no half-made admin when setup fails", async () => {
    db = await freshDatabase(engine);
    const token = (await issueSetupToken(db.kysely))!;
    await expect(completeSetup(db.kysely, { token, name: "root", password: "short", address: null })).rejects.toThrow(AccountError);
    expect(await isSetupTokenValid(db.kysely, token)).toBe(true);
    expect(await listUsers(db.kysely)).toEqual([]);
  });
}

describe("accounts on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("accounts on PostgreSQL", () => suite("postgres"));

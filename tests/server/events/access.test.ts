/// Open live streams follow their reader's permission: ended within moments of a sign-out, a
/// "sign out everywhere", a role change or public reading turned off — at once when the change
/// is announced (through LISTEN/NOTIFY on PostgreSQL, as between instances), and at the next
/// periodic check when it is not.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSession, endSession, endUserSessions } from "../../../server/auth/sessions";
import { createUser, setUserRole } from "../../../server/auth/users";
import type { Db } from "../../../server/db/connection";
import { ACCESS_RECHECK, announceAccessChange, watchStreamAccess, type StreamReader } from "../../../server/events/access";
import { hub } from "../../../server/events/hub";
import { writeSettings } from "../../../server/settings";
import { freshDatabase, PG_TEST_URL, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const PASSWORD = "a long enough password";

/// Resolves with how long it took until `revoked()` is true, or rejects after `ms`.
async function within(ms: number, revoked: () => boolean): Promise<number> {
  const start = Date.now();
  while (!revoked()) {
    if (Date.now() - start > ms) throw new Error(`still open after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

function suite(engine: Engine) {
  let db: Db;
  const stops: (() => void)[] = [];
  afterEach(async () => {
    stops.splice(0).forEach((s) => s());
    await db?.close();
  });

  async function setUp() {
    db = await freshDatabase(engine);
    if (engine === "postgres") await hub().connect(db, PG_TEST_URL);
    const ada = await createUser(db.kysely, { name: "ada", password: PASSWORD, role: "admin" });
    const bea = await createUser(db.kysely, { name: "bea", password: PASSWORD, role: "corrector" });
    const session = async (u: typeof ada) => ({ token: (await createSession(db.kysely, u.id)).token, user: { id: u.id, role: u.role } });
    return { ada, bea, session };
  }

  /// Watches a stream; `state.revoked` turns true when it is ended.
  function stream(reader: StreamReader) {
    const state = { revoked: false };
    stops.push(watchStreamAccess(db.kysely, reader, () => (state.revoked = true)));
    return state;
  }

  it("ends a visitor's stream at once when public reading is turned off, and leaves signed-in readers", async () => {
    const { bea, session } = await setUp();
    const visitor = stream({ token: undefined, user: null });
    const signedIn = stream(await session(bea));
    await writeSettings(db.kysely, { publicReading: false });
    await announceAccessChange();
    expect(await within(2000, () => visitor.revoked)).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 200));
    expect(signedIn.revoked).toBe(false);
  });

  it("ends the stream of a session that signed out, not the same person's other sessions", async () => {
    const { bea, session } = await setUp();
    const here = await session(bea);
    const elsewhere = await session(bea);
    const a = stream(here);
    const b = stream(elsewhere);
    await endSession(db.kysely, here.token);
    await announceAccessChange();
    await within(2000, () => a.revoked);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.revoked).toBe(false);
  });

  it("ends every stream of a person signed out everywhere, and of one whose role changed", async () => {
    const { ada, bea, session } = await setUp();
    const beas = [stream(await session(bea)), stream(await session(bea))];
    const adas = stream(await session(ada));
    await endUserSessions(db.kysely, bea.id);
    await announceAccessChange();
    await within(2000, () => beas.every((s) => s.revoked));
    expect(adas.revoked).toBe(false);
    const cleo = await createUser(db.kysely, { name: "cleo", password: PASSWORD, role: "reviewer" });
    const cleos = stream({ token: (await createSession(db.kysely, cleo.id)).token, user: { id: cleo.id, role: "reviewer" } });
    await setUserRole(db.kysely, cleo.id, "reader");
    await announceAccessChange();
    await within(2000, () => cleos.revoked);
    expect(adas.revoked).toBe(false);
  });

  it("ends a stream whose session ended unannounced at the next periodic check", async () => {
    const { bea, session } = await setUp();
    const s = stream(await session(bea));
    await endUserSessions(db.kysely, bea.id); // no announcement
    await within(ACCESS_RECHECK.intervalMs + 2000, () => s.revoked);
  });
}

beforeAll(() => {
  ACCESS_RECHECK.intervalMs = 300;
});

describe("stream access on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("stream access on PostgreSQL (announced through NOTIFY)", () => suite("postgres"));

/// Two app instances sharing one PostgreSQL schema, as behind a load balancer: a session made on
/// one works on the other, live events and presence cross from one to the other (LISTEN/NOTIFY),
/// two reviewers on different instances cannot both win the same words, a listener misses no
/// event when many writes run at once; and a deployment in another schema of the same database
/// hears none of it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "@/server/auth/users";
import { openDatabase, type Db } from "@/server/db/connection";
import { eventsSince, lastEventId } from "@/server/events/store";
import { signIn, TEST_PASSWORD } from "../support/accounts";
import { call, proposeReplacement, rowsOf } from "../support/corrections";
import { PG_TEST_URL, postgresAvailable } from "../support/databases";
import { describeIfAvailable } from "../support/requirements";
import { startServer, type RunningServer } from "../support/server";
import { SseStream } from "../support/sse";
import { SEED, seedCorrections, signedInAs } from "./helpers";

const random = () => Math.random().toString(36).slice(2, 10);

describeIfAvailable("PostgreSQL", await postgresAvailable())("two app instances sharing PostgreSQL", () => {
  const schema = `t_multi_${random()}`;
  const otherSchema = `t_multi_${random()}`;
  const env = (s: string) => ({ DATABASE_URL: PG_TEST_URL, DATABASE_SCHEMA: s });
  let a: RunningServer;
  let b: RunningServer;
  let c: RunningServer;
  let db: Db;
  let corrector: string; // signed in on A
  let reviewer: string; // signed in on B
  const streams: SseStream[] = [];
  const listen = async (server: RunningServer, cookie?: string) => {
    const s = await SseStream.open(`${server.url}/api/documents/${SEED}/events`, cookie ? { cookie } : {});
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    // The first instance creates and migrates the schema and imports the corpus; the second
    // finds everything in place.
    // C, another deployment in a schema of its own, starts alongside.
    [a, c] = await Promise.all([startServer(env(schema)), startServer(env(otherSchema))]);
    b = await startServer(env(schema));
    db = await openDatabase({ databaseUrl: PG_TEST_URL, dataDir: "", pgSchema: schema });
    await createUser(db.kysely, { name: "corinne", password: TEST_PASSWORD, role: "corrector" });
    await createUser(db.kysely, { name: "renaud", password: TEST_PASSWORD, role: "reviewer" });
    await createUser(db.kysely, { name: "rachel", password: TEST_PASSWORD, role: "reviewer" });
    corrector = `vv_session=${await signIn(a.url, "corinne")}`;
    reviewer = `vv_session=${await signIn(b.url, "renaud")}`;
  });

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await db?.close();
    // The two schemas are dropped at the end of the whole run (tests/support/global-setup.ts).
  });

  it("shares the data and the sessions: both instances show the same document, and a session from A is valid on B", async () => {
    expect(await rowsOf(a.url, SEED)).toEqual(await rowsOf(b.url, SEED));
    // The shipped corrections were imported once, not once per instance.
    const listed = (await call(b.url, "GET", `/api/documents/${SEED}/suggestions`)).body.suggestions;
    expect(listed.length).toBe(JSON.parse(seedCorrections()).suggestions.length);
    expect(await signedInAs(a.url, corrector)).toBe("corinne");
    expect(await signedInAs(b.url, corrector)).toBe("corinne");
    expect(await signedInAs(a.url, reviewer)).toBe("renaud");
  });

  it("ends a stream open on B within seconds when its session is signed out on A", async () => {
    await createUser(db.kysely, { name: "sophie", password: TEST_PASSWORD, role: "corrector" });
    const cookie = `vv_session=${await signIn(a.url, "sophie")}`;
    const onB = await listen(b, cookie);
    const t0 = Date.now();
    expect((await call(a.url, "POST", "/api/auth/logout", cookie)).status).toBe(204);
    await expect(onB.until(() => false, 5_000, "the end of the stream")).rejects.toThrow(/stream ended/);
    // Announced through NOTIFY: well before the 10-second periodic check.
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("delivers a suggestion made through A to a listener on B within a second, and B's acceptance back to A", async () => {
    const onB = await listen(b, reviewer);
    const onA = await listen(a, corrector);
    const t0 = Date.now();
    const s = await proposeReplacement(a.url, SEED, corrector, 6, "un obstacle insurmontable", "une barrière insurmontable");
    const created = await onB.waitFor((e) => e.event === "suggestions.created", 1_000, "the suggestion on B");
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(created.data.suggestions.map((x: { id: number }) => x.id)).toEqual([s.id]);
    const sameOnA = await onA.waitFor((e) => e.event === "suggestions.created", 1_000, "the suggestion on A");
    expect(sameOnA.id).toBe(created.id);

    const t1 = Date.now();
    const accepted = await call(b.url, "POST", `/api/documents/${SEED}/suggestions/${s.id}/accept`, reviewer, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const onAAccepted = await onA.waitFor((e) => e.event === "suggestion.accepted", 1_000, "the acceptance on A");
    expect(Date.now() - t1).toBeLessThan(1_000 + 500);
    expect(onAAccepted.data.paragraph.text).toContain("une barrière insurmontable");
    expect((await rowsOf(a.url, SEED))[6].fr).toContain("une barrière insurmontable");
    // Each listener got each event once, in order.
    await onB.waitFor((e) => e.event === "suggestion.accepted", 1_000, "the acceptance on B");
    expect(onA.events.map((e) => e.event)).toEqual(["suggestions.created", "suggestion.accepted"]);
    expect(onB.events.map((e) => e.id)).toEqual(onA.events.map((e) => e.id));
  });

  it("passes presence from one instance to the viewers on the other, within a second", async () => {
    const onA = await listen(a, corrector);
    const t0 = Date.now();
    expect((await call(b.url, "POST", `/api/documents/${SEED}/presence`, reviewer, { paragraph: 5 })).status).toBe(204);
    const presence = await onA.waitFor((e) => e.event === "presence", 1_000, "presence on A");
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(presence.id).toBeUndefined();
    expect(presence.data).toMatchObject({ user: "renaud", paragraph: 5 });
  });

  it("lets only one of two reviewers on different instances accept competing suggestions", async () => {
    const before = (await rowsOf(a.url, SEED))[7];
    const x = await proposeReplacement(a.url, SEED, corrector, 7, "affaiblissant potentiellement", "ce qui pourrait affaiblir");
    const y = await proposeReplacement(b.url, SEED, corrector, 7, "affaiblissant potentiellement", "affaiblissant peut-être");
    const rachel = `vv_session=${await signIn(a.url, "rachel")}`;
    const answers = await Promise.all([
      call(a.url, "POST", `/api/documents/${SEED}/suggestions/${x.id}/accept`, rachel, {}, { "accept-language": "en" }),
      call(b.url, "POST", `/api/documents/${SEED}/suggestions/${y.id}/accept`, reviewer, {}, { "accept-language": "en" }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.status === 409)!;
    expect(lost.body.error.code).toBe("conflict");
    const won = answers[0].status === 200 ? x : y;
    const after = (await rowsOf(b.url, SEED))[7];
    expect(after.revision).toBe(before.revision + 1);
    expect(after.fr).toBe(before.fr.replace("affaiblissant potentiellement", won.inserted));
  });

  it("keeps another deployment, in another schema of the same database, out of it", async () => {
    const elsewhere = await SseStream.open(`${c.url}/api/documents/${SEED}/events`);
    streams.push(elsewhere);
    const onB = await listen(b, reviewer);
    // Presence and a stored change on the shared pair; then a change of C's own as a marker.
    expect((await call(a.url, "POST", `/api/documents/${SEED}/presence`, corrector, { paragraph: 2 })).status).toBe(204);
    await proposeReplacement(a.url, SEED, corrector, 13, "rappelle avec force", "rappelle fortement");
    await onB.waitFor((e) => e.event === "presence" && e.data.user === "corinne", 1_000, "the presence on B");
    await onB.waitFor((e) => e.event === "suggestions.created", 1_000, "the change on B");
    const cDb = await openDatabase({ databaseUrl: PG_TEST_URL, dataDir: "", pgSchema: otherSchema });
    try {
      await createUser(cDb.kysely, { name: "claire", password: TEST_PASSWORD, role: "corrector" });
    } finally {
      await cDb.close();
    }
    const claire = `vv_session=${await signIn(c.url, "claire")}`;
    expect((await call(c.url, "POST", `/api/documents/${SEED}/presence`, claire, { paragraph: 9 })).status).toBe(204);
    await elsewhere.waitFor((e) => e.event === "presence" && e.data.user === "claire", 1_000, "C's own presence");
    expect(elsewhere.events.map((e) => `${e.event}:${e.data.user ?? ""}`)).toEqual(["presence:claire"]);
    // And C's news stays on C.
    expect(onB.events.some((e) => e.event === "presence" && e.data.user === "claire")).toBe(false);
  });

  it("sends a listener every event when many writes run at once on both instances", async () => {
    // Event ids are drawn when the event is written, before the commit; a stream that sends
    // "events after the last id sent" must never see a higher id committed before a lower one.
    const documentId = (await db.kysely.selectFrom("documents").select("id").where("slug", "=", SEED).executeTakeFirstOrThrow()).id;
    const rachel = `vv_session=${await signIn(b.url, "rachel")}`;
    for (const round of [1, 2]) {
      const made: number[] = [];
      for (const r of (await rowsOf(a.url, SEED)).slice(1)) {
        const x = await call(a.url, "POST", `/api/documents/${SEED}/suggestions`, corrector, {
          paragraphId: r.paragraphId,
          baseRevision: r.revision,
          fixes: [{ start: r.fr.length, end: r.fr.length, deleted: "", inserted: ` [${round}]` }],
          category: "style",
          severity: "minor",
        });
        expect(x.status).toBe(201);
        made.push(x.body.suggestions[0].id);
      }
      const start = await lastEventId(db.kysely, documentId);
      // (The checks' events, written in the background, are left aside: tests/http/checks.test.ts.)
      const listener = await SseStream.open(`${a.url}/api/documents/${SEED}/events?after=${start}`, {}, undefined, (event) => /^(flags|checks)\./.test(event));
      streams.push(listener);
      const rows = await rowsOf(a.url, SEED);
      const answers = await Promise.all([
        ...made.map((id, i) => call(i % 2 ? a.url : b.url, "POST", `/api/documents/${SEED}/suggestions/${id}/accept`, i % 2 ? reviewer : rachel, {})),
        ...rows.slice(1).map((r, i) =>
          call(i % 2 ? b.url : a.url, "POST", `/api/documents/${SEED}/suggestions`, corrector, {
            paragraphId: r.paragraphId,
            baseRevision: r.revision,
            fixes: [{ start: 0, end: 0, deleted: "", inserted: `(${round}) ` }],
            category: "style",
            severity: "minor",
          }),
        ),
      ]);
      expect(answers.every((x) => x.status === 200 || x.status === 201), JSON.stringify(answers.map((x) => x.status))).toBe(true);
      const stored = (await eventsSince(db.kysely, documentId, start, 10_000)).filter((e) => !/^(flags|checks)\./.test(e.type)).map((e) => e.id);
      await listener.until(() => listener.events.length >= stored.length, 3_000, `all ${stored.length} events`).catch(() => {});
      const received = listener.events.map((e) => e.id);
      expect(received, `round ${round}: missing ${JSON.stringify(stored.filter((id) => !received.includes(id)))}`).toEqual(stored);
      await listener.close();
    }
  });
});

/// The load run (`npm run bench -- load`, not part of the default run): two app instances on one
/// PostgreSQL schema; 20 correctors, each posting a suggestion or accepting one once a second
/// for a minute (autocannon, 10 connections per instance), while 200 readers hold live streams
/// (100 per instance, a small client of our own). Writes must keep p99 under 100 ms, and every
/// reader must hear every event, in order.
import autocannon from "autocannon";
import pg from "pg";
import { createUser } from "../server/auth/users";
import { openDatabase } from "../server/db/connection";
import { lastEventId } from "../server/events/store";
import { signIn, TEST_PASSWORD } from "../tests/support/accounts";
import { startServer, type RunningServer } from "../tests/support/server";
import { bookSlug, importBook, round } from "./books";
import { StreamClient } from "./stream-client";
import { underTarget, type BenchResult } from "./types";

export const explicit = true;

const PG_URL = process.env.BENCH_PG_URL || process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 60);
const CORRECTORS = 20;
const READERS = 200;
const BOOK = 1_000;

interface Corrector {
  cookie: string;
  paragraphId: number;
  revision: number;
  suggestion?: number;
}

/// One autocannon run against one instance: each connection is one corrector who posts a
/// suggestion (an insertion at the start of their paragraph), then accepts it, one request a second.
function correct(server: RunningServer, correctors: Corrector[]): Promise<autocannon.Result> {
  let next = 0;
  const base = `/api/documents/${bookSlug(BOOK)}`;
  const headers = (c: Corrector) => ({ cookie: c.cookie, origin: server.url, "content-type": "application/json" });
  type Context = { me?: Corrector };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: server.url,
        connections: correctors.length,
        connectionRate: 1,
        duration: SECONDS,
        requests: [
          {
            setupRequest: (req, context: Context) => {
              const me = (context.me ??= correctors[next++ % correctors.length]);
              const body = { paragraphId: me.paragraphId, baseRevision: me.revision, fixes: [{ start: 0, end: 0, deleted: "", inserted: "Oui, " }], category: "style", severity: "minor" };
              return { ...req, method: "POST", path: `${base}/suggestions`, headers: headers(me), body: JSON.stringify(body) };
            },
            onResponse: (status, body, context: Context) => {
              if (status === 201) context.me!.suggestion = JSON.parse(body).suggestions[0].id;
              // After a timed-out write the paragraph moved on: take its revision from the refusal.
              else if (status === 409) context.me!.revision = JSON.parse(body).error?.params?.revision ?? context.me!.revision;
            },
          },
          {
            setupRequest: (req, context: Context) => {
              const me = context.me!;
              return { ...req, method: "POST", path: `${base}/suggestions/${me.suggestion ?? 0}/accept`, headers: headers(me), body: "{}" };
            },
            onResponse: (status, body, context: Context) => {
              if (status === 200) context.me!.revision = JSON.parse(body).paragraph.revision;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

export async function run(): Promise<BenchResult[]> {
  const schema = `bench_load_${process.pid}`;
  const env = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema };
  const servers: RunningServer[] = [];
  const readers: StreamClient[] = [];
  const db = await openDatabase({ databaseUrl: PG_URL, dataDir: "", pgSchema: schema });
  try {
    // The first instance migrates the schema and imports the corpus; the second finds it ready.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
    await importBook(db, BOOK);
    const doc = await db.kysely.selectFrom("documents").select("id").where("slug", "=", bookSlug(BOOK)).executeTakeFirstOrThrow();
    const paragraphs = await db.kysely
      .selectFrom("paragraphs")
      .select(["id", "revision"])
      .where("document_id", "=", doc.id)
      .where("lang", "=", "fr")
      .where("position", ">", 0)
      .orderBy("position")
      .limit(CORRECTORS)
      .execute();
    const correctors: Corrector[] = [];
    for (let i = 0; i < CORRECTORS; i++) {
      const name = `corrector${i}`;
      await createUser(db.kysely, { name, password: TEST_PASSWORD, role: "reviewer" });
      const server = servers[i % 2];
      correctors.push({ cookie: `vv_session=${await signIn(server.url, name)}`, paragraphId: paragraphs[i].id, revision: paragraphs[i].revision });
    }
    const first = await lastEventId(db.kysely, doc.id);
    for (let i = 0; i < READERS; i++) readers.push(await StreamClient.open(`${servers[i % 2].url}/api/documents/${bookSlug(BOOK)}/events`));
    await new Promise((r) => setTimeout(r, 1000));

    const t0 = performance.now();
    const results = await Promise.all(servers.map((s, k) => correct(s, correctors.filter((_, i) => i % 2 === k))));
    const elapsed = (performance.now() - t0) / 1000;
    // Readers hear the last events a little after the last write answered: wait for them (up to
    // 30 s); what has not arrived by then counts as lost.
    const settle = performance.now();
    const lastStored = async () => Number((await lastEventId(db.kysely, doc.id)) ?? 0);
    // Writes still in flight when autocannon stopped commit later: wait until the stored events
    // stop changing for a second and every reader has the last of them.
    for (let last = -1; performance.now() - settle < 30_000; ) {
      const now = await lastStored();
      if (now === last && readers.every((r) => (r.ids.at(-1) ?? 0) >= last)) break;
      if (now !== last) {
        last = now;
        await new Promise((r) => setTimeout(r, 1000));
      } else await new Promise((r) => setTimeout(r, 200));
    }
    const settled = round(performance.now() - settle);

    const stored = await db.kysely.selectFrom("events").select("id").where("document_id", "=", doc.id).where("id", ">", first).orderBy("id").execute();
    const expected = stored.map((e) => e.id);
    let lost = 0;
    let disorder = 0;
    const missedBy = new Map<number, number>();
    for (const r of readers) {
      const heard = new Set(r.ids);
      for (const id of expected.filter((e) => !heard.has(e))) missedBy.set(id, (missedBy.get(id) ?? 0) + 1);
      lost += expected.filter((id) => !heard.has(id)).length;
      disorder += r.disorder;
    }
    const firstHeard = readers.filter((r) => expected.some((id) => !r.ids.includes(id))).map((r) => r.ids.find((id) => id > first) ?? 0);
    const missed =
      [...missedBy].slice(0, 10).map(([id, n]) => `#${id} by ${n}`).join(", ") +
      (firstHeard.length ? ` (the first event those readers heard: #${Math.min(...firstHeard)} to #${Math.max(...firstHeard)}; the run's first: #${expected[0]})` : "");
    const requests = results.reduce((n, r) => n + r.requests.total, 0);
    const non2xx = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
    const codes: Record<string, number> = {};
    for (const r of results) {
      for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) codes[code] = (codes[code] ?? 0) + (count ?? 0);
      if (r.errors) codes.errors = (codes.errors ?? 0) + r.errors;
      if (r.timeouts) codes.timeouts = (codes.timeouts ?? 0) + r.timeouts;
    }
    const p99 = Math.max(...results.map((r) => r.latency.p99));
    const p50 = Math.max(...results.map((r) => r.latency.p50));
    const setting = `two instances (next start) on PostgreSQL, ${CORRECTORS} correctors (autocannon, ${CORRECTORS / 2} connections per instance, 1 request/s each: post a suggestion, then accept it) for ${round(elapsed)} s, ${READERS} readers holding live streams (${READERS / 2} per instance)`;
    return [
      underTarget("p99 of writes under load", p99, "ms", 100, `${setting}; ${requests} writes, ${non2xx} not 2xx (answers: ${JSON.stringify(codes)}); p50 ${p50} ms (the larger of the two instances' figures)`),
      underTarget("events lost by 200 live readers", lost, "events", 1, `${expected.length} events stored during the run, each to be heard by every reader (${expected.length * READERS} deliveries); ${disorder} heard out of order${missed ? `; missed: ${missed}` : ""}; the stored events settled and reached every reader ${settled} ms after autocannon stopped (writes still in flight then commit later)`),
    ];
  } finally {
    for (const r of readers) r.close();
    await Promise.all(servers.map((s) => s.stop()));
    await db.close();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/// Live document events over HTTP, read with plain fetch streaming (the text/event-stream is
/// parsed by the test itself): order and ids, replay with ?after= and Last-Event-ID, isolation
/// between documents, presence (passed on, never stored), many listeners at once; and, over the
/// same API, two reviewers accepting competing suggestions at the same moment, and the
/// corrections report (JSON round trip into a fresh database, CSV).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "@/server/corpus/import";
import { readDocumentDir } from "@/server/corpus/files";
import { importCorrections, parseCorrectionsFile } from "@/server/corrections/file";
import type { SuggestionView } from "@/lib/corrections/views";
import { listSuggestions } from "@/server/corrections/views";
import { openDatabase, type Db } from "@/server/db/connection";
import { documentIdBySlug, getDocument } from "@/server/documents";
import { eventsSince, lastEventId } from "@/server/events/store";
import { sessionCookieFor } from "../support/accounts";
import { call, proposeReplacement, rowsOf } from "../support/corrections";
import { freshDatabase } from "../support/databases";
import { startServer, type RunningServer } from "../support/server";
import { SseStream, type SseEvent } from "../support/sse";
import { postDocument, SEED, smallDocument } from "./helpers";

const FOREIGN = "un-autre-document";
/// How long a live event may take to arrive.
const LIVE_MS = 3_000;

let server: RunningServer;
let db: Db; // the server's own SQLite database, read alongside it
let seedId: number;
let foreignId: number;
const cookies = {} as Record<"corrector" | "reviewer" | "reviewer2" | "admin", string>;

beforeAll(async () => {
  server = await startServer();
  cookies.corrector = await sessionCookieFor(server, "corinne", "corrector");
  cookies.reviewer = await sessionCookieFor(server, "renaud", "reviewer");
  cookies.reviewer2 = await sessionCookieFor(server, "rachel", "reviewer");
  cookies.admin = await sessionCookieFor(server, "adele", "admin");
  const imported = await postDocument(server.url, { slug: FOREIGN, ...smallDocument("Un autre document") }, { headers: { cookie: cookies.admin } });
  expect(imported.status).toBe(201);
  db = await openDatabase({ dataDir: server.dataDir });
  seedId = (await documentIdBySlug(db.kysely, SEED))!;
  foreignId = (await documentIdBySlug(db.kysely, FOREIGN))!;
  expect(seedId).toBeGreaterThan(0);
  expect(foreignId).toBeGreaterThan(0);
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

const streams: SseStream[] = [];
/// Opens a document's event stream (closed after the file).
async function listen(query = "", headers: Record<string, string> = {}, slug = SEED): Promise<SseStream> {
  // The checks' events (new flags, the Grammalecte pass) are tested in tests/http/checks.test.ts.
  const s = await SseStream.open(`${server.url}/api/documents/${slug}/events${query}`, headers, undefined, (event) => /^(flags|checks)\./.test(event));
  streams.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
});

const suggestRoute = (slug = SEED) => `/api/documents/${slug}/suggestions`;
async function accept(id: number, cookie = cookies.reviewer) {
  const a = await call(server.url, "POST", `${suggestRoute()}/${id}/accept`, cookie, {});
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  expect(a.body.propagated).toEqual([]); // the phrases here stand nowhere else
  return a.body;
}
async function reject(id: number, reason: string, cookie = cookies.reviewer) {
  const a = await call(server.url, "POST", `${suggestRoute()}/${id}/reject`, cookie, { reason });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return a.body.suggestion;
}
async function commentOn(id: number, text: string, cookie = cookies.corrector, slug = SEED) {
  const a = await call(server.url, "POST", `${suggestRoute(slug)}/${id}/comments`, cookie, { text });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  return a.body.suggestion;
}
const propose = (position: number, phrase: string, replacement: string, extra = {}) =>
  proposeReplacement(server.url, SEED, cookies.corrector, position, phrase, replacement, extra);

const kinds = (events: SseEvent[]) => events.map((e) => e.event);
const ids = (events: SseEvent[]) => events.map((e) => e.id);
const strictlyIncreasing = (xs: (number | undefined)[]) => xs.every((x, i) => typeof x === "number" && (i === 0 || x > xs[i - 1]!));

describe("document events (SSE)", () => {
  it("answers as an event stream, replays what came after ?after=, then delivers changes in order with increasing ids", async () => {
    const stored = await eventsSince(db.kysely, seedId, 0, 100_000);
    expect(stored.length).toBeGreaterThan(3); // the shipped corrections were replayed as events
    const from = stored.at(-4)!.id;
    const stream = await listen(`?after=${from}`);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toContain("no-cache");
    // The three stored events after `from`, exactly.
    const replayed = await stream.waitForCount(3);
    expect(ids(replayed)).toEqual(stored.slice(-3).map((e) => e.id));
    expect(kinds(replayed)).toEqual(stored.slice(-3).map((e) => e.type));

    const s = await propose(6, "un obstacle insurmontable", "une barrière insurmontable");
    await commentOn(s.id, "Plus idiomatique ?");
    const accepted = await accept(s.id);
    const events = (await stream.waitForCount(6, LIVE_MS)).slice(3);
    expect(kinds(events)).toEqual(["suggestions.created", "comment.created", "suggestion.accepted"]);
    expect(strictlyIncreasing(ids([...replayed, ...events])), stream.describe()).toBe(true);
    expect(events[0].data.suggestions.map((x: SuggestionView) => x.id)).toEqual([s.id]);
    expect(events[0].data.suggestions[0]).toMatchObject({ deleted: "un obstacle insurmontable", inserted: "une barrière insurmontable", status: "open", author: "corinne" });
    expect(events[1].data.suggestion.comments.map((c: { text: string }) => c.text)).toEqual(["Plus idiomatique ?"]);
    expect(events[2].data.suggestion).toMatchObject({ id: s.id, status: "accepted", decidedBy: "renaud" });
    expect(events[2].data.paragraph).toEqual(accepted.paragraph);
    expect(events[2].data.paragraph.text).toContain("une barrière insurmontable");
    // The stream's ids are the store's.
    expect(ids(events)).toEqual((await eventsSince(db.kysely, seedId, replayed[2].id!)).map((e) => e.id));
    await stream.close();
  });

  it("without a cursor starts from now; a reconnection with Last-Event-ID gets exactly the events it missed, in order", async () => {
    const first = await listen(); // no cursor: nothing old is replayed
    const a = await propose(13, "rappelle avec force", "rappelle fortement");
    const [created] = await first.waitForCount(1, LIVE_MS);
    expect(created).toMatchObject({ event: "suggestions.created" });
    expect(created.data.suggestions[0].id).toBe(a.id);
    const initialAfter = created.id!;
    // A second live event, then the connection drops.
    await commentOn(a.id, "Premier commentaire");
    await first.waitForCount(2, LIVE_MS);
    const lastSeen = first.lastId()!;
    await first.close();

    // Missed while disconnected: two suggestions in one request (one event), a rejection, a
    // comment, an acceptance.
    const row = (await rowsOf(server.url, SEED)).find((r) => r.position === 10)!;
    const p1 = row.fr.indexOf("une nette avance");
    const p2 = row.fr.indexOf("champ de bataille");
    const two = await call(server.url, "POST", suggestRoute(), cookies.corrector, {
      paragraphId: row.paragraphId,
      baseRevision: row.revision,
      fixes: [
        { start: p1, end: p1 + "une nette avance".length, deleted: "une nette avance", inserted: "une avance nette" },
        { start: p2, end: p2 + "champ de bataille".length, deleted: "champ de bataille", inserted: "terrain d'affrontement" },
      ],
      category: "style",
      severity: "minor",
    });
    expect(two.status, JSON.stringify(two.body)).toBe(201);
    const [b, c] = two.body.suggestions as SuggestionView[];
    await reject(b.id, "L'ordre d'origine est correct.");
    await commentOn(c.id, "Image plus forte");
    await accept(c.id);
    const missed = (await eventsSince(db.kysely, seedId, lastSeen)).filter((e) => !/^(flags|checks)\./.test(e.type));
    expect(missed.map((e) => e.type)).toEqual(["suggestions.created", "suggestion.rejected", "comment.created", "suggestion.accepted"]);

    // As EventSource does: the same URL (with its first ?after=) and the Last-Event-ID header,
    // which wins.
    const again = await listen(`?after=${initialAfter - 1}`, { "last-event-id": String(lastSeen) });
    const replay = await again.waitForCount(4, LIVE_MS);
    expect(ids(replay)).toEqual(missed.map((e) => e.id));
    expect(kinds(replay)).toEqual(missed.map((e) => e.type));
    expect(replay[0].data.suggestions.map((x: SuggestionView) => x.id)).toEqual([b.id, c.id]);
    expect(replay[1].data.suggestion).toMatchObject({ id: b.id, status: "rejected", reason: "L'ordre d'origine est correct." });
    expect(replay[3].data.paragraph.text).toContain("terrain d'affrontement");
    // Then live again, and nothing else came in between (no duplicate, no stray event).
    await commentOn(a.id, "Après la reconnexion");
    const all = await again.waitForCount(5, LIVE_MS);
    expect(all).toHaveLength(5);
    expect(all[4]).toMatchObject({ event: "comment.created" });
    expect(all[4].data.suggestion.comments.map((x: { text: string }) => x.text)).toEqual(["Premier commentaire", "Après la reconnexion"]);
    expect(strictlyIncreasing(ids(all))).toBe(true);
    expect(new Set(ids(all)).size).toBe(5);
    await again.close();
  });

  it("never sends another document's events, live or replayed", async () => {
    const seedStream = await listen();
    const foreignStream = await listen("", {}, FOREIGN);
    const before = await lastEventId(db.kysely, seedId);
    const f = await proposeReplacement(server.url, FOREIGN, cookies.corrector, 1, "court", "bref");
    const s = await propose(12, "Stratégiquement parlant", "D'un point de vue stratégique");
    await commentOn(f.id, "Sur l'autre document", cookies.corrector, FOREIGN);
    await seedStream.waitFor((e) => e.event === "suggestions.created", LIVE_MS);
    await foreignStream.waitForCount(2, LIVE_MS);
    // One more seed event: once it is here, anything the seed stream wrongly got is here too.
    await commentOn(s.id, "Marqueur");
    await seedStream.waitForCount(2, LIVE_MS);
    expect(kinds(seedStream.events)).toEqual(["suggestions.created", "comment.created"]);
    expect(seedStream.events[0].data.suggestions[0].id).toBe(s.id);
    expect(seedStream.events[1].data.suggestion.id).toBe(s.id);
    expect(kinds(foreignStream.events)).toEqual(["suggestions.created", "comment.created"]);
    expect(foreignStream.events.map((e) => (e.data.suggestions?.[0] ?? e.data.suggestion).id)).toEqual([f.id, f.id]);
    // The event ids are shared by all documents: the foreign ones fall between the seed's, and a
    // replay of the seed skips them.
    const foreignIds = ids(foreignStream.events) as number[];
    expect(foreignIds[0]).toBeGreaterThan(before);
    const replay = await listen("", { "last-event-id": String(before) });
    await replay.waitForCount(2, LIVE_MS);
    expect(ids(replay.events)).toEqual(ids(seedStream.events));
    expect(ids(replay.events).some((id) => foreignIds.includes(id!))).toBe(false);
    await Promise.all([seedStream.close(), foreignStream.close(), replay.close()]);
  });

  it("passes presence on to the other listeners at once, and never replays it after a reconnection", async () => {
    // Only a signed-in user says where they are, with a paragraph number or null.
    const presenceRoute = `/api/documents/${SEED}/presence`;
    expect((await call(server.url, "POST", presenceRoute, undefined, { paragraph: 3 })).status).toBe(401);
    expect((await call(server.url, "POST", presenceRoute, cookies.corrector, { paragraph: "3" })).status).toBe(400);

    const listener = await listen("", { cookie: cookies.reviewer });
    const s = await propose(9, "continue de s'allonger", "s'allonge");
    await listener.waitForCount(1, LIVE_MS);
    const t0 = Date.now();
    expect((await call(server.url, "POST", presenceRoute, cookies.corrector, { paragraph: 4 })).status).toBe(204);
    const presence = await listener.waitFor((e) => e.event === "presence", LIVE_MS, "presence");
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(presence.id).toBeUndefined(); // unstored: no id, so it moves no cursor
    expect(presence.data).toMatchObject({ user: "corinne", paragraph: 4 });
    const lastSeen = listener.lastId()!;
    await commentOn(s.id, "Après la présence");
    await listener.waitForCount(3, LIVE_MS);
    expect(kinds(listener.events)).toEqual(["suggestions.created", "presence", "comment.created"]);
    await listener.close();

    // While it is away: another presence (lost for it, as intended) and a stored change.
    expect((await call(server.url, "POST", presenceRoute, cookies.corrector, { paragraph: null })).status).toBe(204);
    await commentOn(s.id, "Pendant l'absence");
    const back = await listen("", { cookie: cookies.reviewer, "last-event-id": String(lastSeen) });
    await back.waitForCount(2, LIVE_MS);
    await commentOn(s.id, "Marqueur final");
    await back.waitForCount(3, LIVE_MS);
    expect(kinds(back.events)).toEqual(["comment.created", "comment.created", "comment.created"]);
    expect(back.events.every((e) => e.id !== undefined)).toBe(true);
    expect(back.events.map((e) => e.data.suggestion.comments.at(-1).text)).toEqual(["Après la présence", "Pendant l'absence", "Marqueur final"]);
    await back.close();
  });

  it("delivers an event to 20 listeners at once, none missing one", async () => {
    const listeners = await Promise.all(Array.from({ length: 20 }, () => listen()));
    const s = await propose(3, "le summum de la technologie", "le nec plus ultra de la technologie");
    await commentOn(s.id, "Pour les vingt");
    await Promise.all(listeners.map((l) => l.waitForCount(2, LIVE_MS)));
    const expected = (await eventsSince(db.kysely, seedId, listeners[0].events[0].id! - 1)).map((e) => e.id);
    expect(expected).toHaveLength(2);
    for (const [i, l] of listeners.entries()) {
      expect(kinds(l.events), `listener ${i}`).toEqual(["suggestions.created", "comment.created"]);
      expect(ids(l.events), `listener ${i}`).toEqual(expected);
      expect(l.events[0].data.suggestions[0].id).toBe(s.id);
    }
    await Promise.all(listeners.map((l) => l.close()));
  });
});

describe("two reviewers accepting competing suggestions at the same moment", () => {
  it("accepts exactly one; the other gets 409 conflict with a clear message, and the paragraph changes once", async () => {
    const before = (await rowsOf(server.url, SEED)).find((r) => r.position === 7)!;
    const x = await propose(7, "affaiblissant potentiellement", "ce qui pourrait affaiblir");
    const y = await propose(7, "affaiblissant potentiellement", "affaiblissant peut-être");
    const stream = await listen();
    const en = { "accept-language": "en" };
    const [ax, ay] = await Promise.all([
      call(server.url, "POST", `${suggestRoute()}/${x.id}/accept`, cookies.reviewer, {}, en),
      call(server.url, "POST", `${suggestRoute()}/${y.id}/accept`, cookies.reviewer2, {}, en),
    ]);
    expect([ax.status, ay.status].sort()).toEqual([200, 409]);
    const [won, lost, lostAnswer] = ax.status === 200 ? [x, y, ay] : [y, x, ax];
    expect(lostAnswer.body.error.code).toBe("conflict");
    expect(lostAnswer.body.error.message).toContain(`#${lost.id}`);
    expect(lostAnswer.body.error.message).toMatch(/another accepted change/);
    expect(lostAnswer.body.error.params).toMatchObject({ id: lost.id, status: "stale", staleBecause: won.id });

    const after = (await rowsOf(server.url, SEED)).find((r) => r.position === 7)!;
    expect(after.revision).toBe(before.revision + 1);
    expect(after.fr).toBe(before.fr.replace("affaiblissant potentiellement", won.inserted));
    const history = await call(server.url, "GET", `/api/documents/${SEED}/paragraphs/7/history`);
    expect(history.body.history.revisions.filter((r: { revision: number }) => r.revision > before.revision)).toHaveLength(1);
    const all = (await call(server.url, "GET", suggestRoute())).body.suggestions as SuggestionView[];
    expect(all.find((s) => s.id === won.id)!.status).toBe("accepted");
    expect(all.find((s) => s.id === lost.id)).toMatchObject({ status: "stale", staleBecause: won.id });
    // One acceptance event, which tells of the competitor gone stale.
    const accepted = await stream.waitFor((e) => e.event === "suggestion.accepted", LIVE_MS);
    expect(accepted.data.suggestion.id).toBe(won.id);
    expect(accepted.data.stale).toEqual([lost.id]);
    // Accepting the loser again is still a conflict, and changes nothing.
    const again = await call(server.url, "POST", `${suggestRoute()}/${lost.id}/accept`, cookies.reviewer, {}, en);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect((await rowsOf(server.url, SEED)).find((r) => r.position === 7)!.revision).toBe(after.revision);
    await stream.close();
  });
});

describe("corrections report over HTTP", () => {
  it("JSON: importing the export into a fresh database gives the same suggestions, threads and texts", async () => {
    // A revert too, so the report carries every kind of step.
    const s = await propose(5, "Le nouveau modèle Grok 3", "Le dernier modèle Grok 3", { category: "accuracy/mistranslation", severity: "minor" });
    await accept(s.id);
    const history = await call(server.url, "GET", `/api/documents/${SEED}/paragraphs/5/history`);
    const rev = history.body.history.revisions.find((r: { suggestionId: number }) => r.suggestionId === s.id);
    expect((await call(server.url, "POST", `/api/documents/${SEED}/revisions/${rev.id}/revert`, cookies.reviewer, {})).status).toBe(200);

    const res = await fetch(`${server.url}/api/documents/${SEED}/corrections?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toContain(`${SEED}.corrections.json`);
    const file = parseCorrectionsFile(await res.json());
    const served = (await call(server.url, "GET", suggestRoute())).body.suggestions as SuggestionView[];
    expect(file.suggestions).toHaveLength(served.length);
    const statuses = new Set(served.map((x) => x.status));
    for (const status of ["open", "accepted", "rejected", "stale"]) expect(statuses, status).toContain(status);
    expect(served.some((x) => x.revertedAt)).toBe(true);

    const fresh = await freshDatabase("sqlite");
    try {
      await importDocument(fresh.kysely, readDocumentDir(path.resolve(import.meta.dirname, "../../corpus", SEED)));
      const id = (await documentIdBySlug(fresh.kysely, SEED))!;
      await importCorrections(fresh, id, file);
      const replayed = await listSuggestions(fresh.kysely, id);
      expect(canonical(replayed)).toEqual(canonical(served));
      const texts = (await getDocument(fresh.kysely, SEED))!.rows.map((r) => ({ position: r.position, fr: r.fr, revision: r.revision }));
      expect(texts).toEqual((await rowsOf(server.url, SEED)).map((r) => ({ position: r.position, fr: r.fr, revision: r.revision })));
    } finally {
      await fresh.close();
    }
  });

  it("CSV: a header row, then one row per suggestion, with quoted commas, quotes and line breaks", async () => {
    const note = 'Il a dit "non", puis\nil est parti; 1,5 fois';
    const s = await propose(11, "s'avérer être un avantage", "constituer un avantage", { note });
    const res = await fetch(`${server.url}/api/documents/${SEED}/corrections?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain(`${SEED}.corrections.csv`);
    const text = await res.text();
    const rows = parseCsv(text);
    const header = rows[0];
    expect(header).toEqual(["id", "paragraph", "start", "end", "original", "fix", "category", "severity", "note", "author", "status", "created_at", "decided_by", "decided_at", "reason", "same_fix_as", "reverted_at"]);
    const served = (await call(server.url, "GET", suggestRoute())).body.suggestions as SuggestionView[];
    const body = rows.slice(1);
    expect(body).toHaveLength(served.length);
    expect(body.every((r) => r.length === header.length)).toBe(true);
    expect(body.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(served.map((x) => x.id).sort((a, b) => a - b));
    const col = (name: string) => header.indexOf(name);
    const mine = body.find((r) => Number(r[0]) === s.id)!;
    expect(mine[col("note")]).toBe(note);
    expect(mine[col("original")]).toBe("s'avérer être un avantage");
    expect(mine[col("fix")]).toBe("constituer un avantage");
    expect(mine[col("status")]).toBe("open");
    expect(mine[col("author")]).toBe("corinne");
    // Every row says what the API says.
    for (const x of served) {
      const r = body.find((row) => Number(row[0]) === x.id)!;
      expect([r[col("original")], r[col("fix")], r[col("status")], r[col("reason")], r[col("paragraph")]]).toEqual([x.deleted, x.inserted, x.status, x.reason ?? "", String(x.paragraph)]);
    }
  });
});

/// Suggestions compared across databases: ids differ, so each is named by what it is, and the
/// references between them (same fix as, stale because of) by the name of the one referred to.
function canonical(list: SuggestionView[]) {
  const key = (s: SuggestionView) => `${s.paragraph}|${s.createdAt}|${s.createdStart}|${s.deleted}→${s.inserted}|${s.author}`;
  const byId = new Map(list.map((s) => [s.id, s]));
  return list
    .map((s) => {
      const { id: _id, paragraphId: _p, sameFixAs, staleBecause, comments, ...rest } = s;
      return {
        ...rest,
        key: key(s),
        sameFixAs: sameFixAs === null ? null : key(byId.get(sameFixAs)!),
        staleBecause: staleBecause === null ? null : key(byId.get(staleBecause)!),
        comments: comments.map((c) => ({ author: c.author, text: c.text, createdAt: c.createdAt, mentions: c.mentions })),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/// RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes
/// (doubled) and line breaks.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"' && field === "") (quoted = true), i++;
    else if (ch === ",") row.push(field), (field = ""), i++;
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), (i += 2);
    else if (ch === '"' || ch === "\n" || ch === "\r") throw new Error(`bad CSV at ${i}: ${JSON.stringify(text.slice(i - 20, i + 20))}`);
    else (field += ch), i++;
  }
  if (field !== "" || row.length > 0) throw new Error("the CSV does not end with CRLF");
  return rows;
}

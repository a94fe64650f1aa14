/// The to-do list, the original texts and the reading view a page opens in, over HTTP from the production server: filters in the
/// query string, counts, pages, "mentions me", bad parameters, and who may read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../support/accounts";
import { call, proposeReplacement, rowsOf, wordOnceIn } from "../support/corrections";
import { startServer, type RunningServer } from "../support/server";
import { api, getPage, SEED, seedParagraphs } from "./helpers";

let server: RunningServer;
const cookies: Record<string, string> = {};
let mine = 0;

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [
    ["cora", "corrector"],
    ["rev", "reviewer"],
    ["rita", "reader"],
    ["adam", "admin"],
  ] as const)
    cookies[name] = await sessionCookieFor(server, name, role);
  const rows = await rowsOf(server.url, SEED, cookies.cora);
  const word = wordOnceIn(rows[6].fr);
  mine = (await proposeReplacement(server.url, SEED, cookies.cora, 6, ` ${word} `, ` ${word}x `, { category: "fluency/spelling", severity: "critical" })).id;
  const c = await call(server.url, "POST", `/api/documents/${SEED}/suggestions/${mine}/comments`, cookies.rev, { text: "@rita, qu'en dites-vous ?" });
  expect(c.status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
});

const todo = (query: string, who?: string) => call(server.url, "GET", `/api/documents/${SEED}/todo${query}`, who ? cookies[who] : undefined);

describe("to-do API", () => {
  it("lists the open suggestions of the seed in reading order, with the counts of every filter", async () => {
    const a = await todo("", "rev");
    expect(a.status).toBe(200);
    const all = (await call(server.url, "GET", `/api/documents/${SEED}/suggestions`, cookies.rev)).body.suggestions.filter((s: { status: string }) => s.status === "open");
    expect(a.body.total).toBe(all.length);
    const positions = a.body.items.map((i: { position: number }) => i.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(a.body.counts.facets.author.cora).toBe(1);
    expect(a.body.counts.facets.severity.critical).toBeGreaterThanOrEqual(1);
  });

  it("filters by the query string: author, category and severity together", async () => {
    const a = await todo("?author=cora&category=fluency%2Fspelling&severity=critical", "rev");
    expect(a.body.items.map((i: { id: number }) => i.id)).toEqual([mine]);
    expect(a.body.filter).toEqual({ author: "cora", category: "fluency/spelling", severity: "critical" });
    expect((await todo("?author=nobody", "rev")).body).toMatchObject({ total: 0, items: [] });
  });

  it("finds what mentions the signed-in reader, and asks a visitor to sign in for it", async () => {
    const a = await todo("?mentions=me", "rita");
    expect(a.status).toBe(200);
    expect(a.body.items.map((i: { id: number }) => i.id)).toEqual([mine]);
    expect((await todo("?mentions=me", "cora")).body.total).toBe(0);
    expect((await todo("?mentions=me")).status).toBe(401);
  });

  it("pages a long list and refuses impossible pages", async () => {
    const first = await todo("?limit=2", "rev");
    expect(first.body.items).toHaveLength(Math.min(2, first.body.total));
    if (first.body.total > 2) expect(first.body.next).toBe(2);
    for (const bad of ["?limit=0", "?limit=5000", "?from=-1", "?from=x", "?limit=1.5"]) expect((await todo(bad, "rev")).status, bad).toBe(400);
    expect((await call(server.url, "GET", "/api/documents/no-such-document/todo", cookies.rev)).status).toBe(404);
  });

  it("is readable by whoever may read the document, and by nobody once reading is private", async () => {
    expect((await todo("")).status).toBe(200);
    expect((await api(server.url, "PUT", "/api/settings", { cookie: cookies.adam, body: { publicReading: false } })).status).toBe(200);
    try {
      expect((await todo("")).status).toBe(401);
      expect((await call(server.url, "GET", `/api/documents/${SEED}/originals`)).status).toBe(401);
      expect((await todo("", "rita")).status).toBe(200);
    } finally {
      await api(server.url, "PUT", "/api/settings", { cookie: cookies.adam, body: { publicReading: true } });
    }
  });
});

describe("originals API", () => {
  it("gives the machine translation as imported for each corrected paragraph only", async () => {
    const a = await call(server.url, "GET", `/api/documents/${SEED}/originals`);
    expect(a.status).toBe(200);
    const rows = await rowsOf(server.url, SEED);
    const changed = Object.keys(a.body.originals).map(Number);
    // The seed ships with accepted fixes: those paragraphs read differently now.
    expect(changed.length).toBeGreaterThan(0);
    for (const position of changed) expect(a.body.originals[position]).not.toBe(rows.find((r) => r.position === position)!.fr);
    const imported = seedParagraphs("fr");
    for (const position of changed) expect(a.body.originals[position]).toBe(imported[position]);
  });
});

describe("reading view of the document page", () => {
  const viewOf = async (cookie?: string) => /class="reader[^"]*"[^>]*data-view="(\w+)"/.exec((await getPage(`${server.url}/documents/${SEED}`, cookie ? { cookie } : {})).html)?.[1];

  it("opens clean for readers, with suggestions for those who correct, and as the cookie says once chosen", async () => {
    expect(await viewOf()).toBe("clean");
    expect(await viewOf(cookies.rita)).toBe("clean");
    expect(await viewOf(cookies.cora)).toBe("suggestions");
    expect(await viewOf(cookies.rev)).toBe("suggestions");
    expect(await viewOf("view=original")).toBe("original");
    expect(await viewOf(`${cookies.rev}; view=clean`)).toBe("clean");
    expect(await viewOf("view=nonsense")).toBe("clean");
  });
});

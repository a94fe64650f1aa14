/// Issue 10's outside probe, replayed against the production server with its default settings
/// (no trusted proxy): GETs that change nothing, forged addresses, the Origin check on scheme and
/// host, nosniff, live streams that end with their reader's permission, control characters,
/// deep JSON, huge ids and a burst of sign-ins.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, signIn, TEST_PASSWORD } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { SseStream } from "../support/sse";
import { api, getPage, postDocument, SEED, smallDocument } from "./helpers";

let server: RunningServer;
let adminCookie: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [["ada", "admin"], ["bea", "corrector"], ["cleo", "reviewer"], ["dora", "reader"], ["victim", "reader"]] as const) {
    await addUser(server.dataDir, name, role);
  }
  adminCookie = `vv_session=${await signIn(server.url, "ada")}`;
  for (const u of (await api(server.url, "GET", "/api/users", { cookie: adminCookie })).body.users) ids[u.name] = u.id;
});
afterAll(async () => {
  await server?.stop();
});

const sessionAlive = async (cookie: string) => (await api(server.url, "GET", "/api/documents", { cookie })).status === 200 && (await api(server.url, "GET", "/api/users", { cookie })).status !== 401;

/// A POST from a given local address (127.0.0.x), as another machine would connect.
async function postFrom(localAddress: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return (await postAnswerFrom(localAddress, route, body, headers)).status;
}

function postAnswerFrom(localAddress: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; code?: string; retryAfter?: string }> {
  const data = JSON.stringify(body);
  const url = new URL(route, server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, headers: { "content-type": "application/json", origin: server.url, "content-length": Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => {
          let code: string | undefined;
          try {
            code = JSON.parse(text)?.error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code, retryAfter: res.headers["retry-after"] as string | undefined });
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

describe("GET changes nothing", () => {
  it("GET /api/auth/login answers 405 and leaves the session cookie and the session alone", async () => {
    const cookie = `vv_session=${await signIn(server.url, "bea")}`;
    const res = await fetch(`${server.url}/api/auth/login`, { headers: { cookie } });
    expect(res.status).toBe(405);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await sessionAlive(cookie)).toBe(true);
  });

  it("no GET route or page sets a cookie or ends the session", async () => {
    const cookie = `vv_session=${await signIn(server.url, "ada")}`;
    const routes = [
      "/api/auth/login", "/api/auth/logout", "/api/auth/setup", "/api/users", "/api/users/1", "/api/users/1/sessions", "/api/settings", "/api/audit",
      "/api/documents", `/api/documents/${SEED}`, `/api/documents/${SEED}/corrections?format=csv`, `/api/documents/${SEED}/export?format=txt`,
      `/api/documents/${SEED}/quality`, `/api/documents/${SEED}/suggestions`, `/api/documents/${SEED}/suggestions/1/accept`, `/api/documents/${SEED}/suggestions/bulk`,
      `/api/documents/${SEED}/presence`, `/api/documents/${SEED}/terms`, `/api/documents/${SEED}/paragraphs/1/history`, `/api/documents/${SEED}/revisions/1/revert`,
      "/api/glossary", "/api/glossary/export?format=csv", "/api/glossary/import",
      "/", "/login?next=/admin/users", "/setup?token=x", "/import", "/glossary", "/admin/users", "/admin/audit", `/documents/${SEED}`,
    ];
    const before = (await api(server.url, "GET", "/api/audit", { cookie })).body.entries.length;
    for (const route of routes) {
      const res = await fetch(`${server.url}${route}`, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      expect(res.status, route).toBeLessThan(500);
      expect(res.headers.getSetCookie(), route).toEqual([]);
    }
    expect(await sessionAlive(cookie)).toBe(true);
    expect((await api(server.url, "GET", "/api/audit", { cookie })).body.entries.length).toBe(before);
  });
});

describe("headers a client can forge", () => {
  it("a forged X-Forwarded-For neither spreads guesses over invented addresses nor locks out the address it names", async () => {
    // From 127.0.0.2, twenty failures claiming to come from 127.0.0.1 (the victim's address)...
    for (let i = 0; i < 20; i++) {
      expect(await postFrom("127.0.0.2", "/api/auth/login", { name: `nobody${i}`, password: "a wrong password" }, { "x-forwarded-for": "127.0.0.1" })).toBe(401);
    }
    // ...are counted against 127.0.0.2, whatever address the next one claims,
    expect(await postFrom("127.0.0.2", "/api/auth/login", { name: "dora", password: TEST_PASSWORD }, { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200)}` })).toBe(429);
    // and the victim at 127.0.0.1 signs in.
    expect(await postFrom("127.0.0.1", "/api/auth/login", { name: "victim", password: TEST_PASSWORD })).toBe(200);
    const entries = (await api(server.url, "GET", "/api/audit?action=login.failed", { cookie: adminCookie })).body.entries as { address: string }[];
    expect(new Set(entries.map((e) => e.address))).toEqual(new Set(["127.0.0.2"]));
  });

  it("the Origin must match the scheme too, and X-Forwarded-Host is not believed without a trusted proxy", async () => {
    const https = server.url.replace("http:", "https:");
    expect((await api(server.url, "PUT", "/api/settings", { cookie: adminCookie, origin: https, body: { publicReading: true } })).status).toBe(403);
    const forged = await api(server.url, "PUT", "/api/settings", {
      cookie: adminCookie,
      origin: "https://evil.example",
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      body: { publicReading: true },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("foreignOrigin");
  });

  it("every API answer says nosniff", async () => {
    for (const route of ["/api/documents", `/api/documents/${SEED}/corrections?format=csv`, `/api/documents/${SEED}/export?format=txt`, "/api/glossary/export?format=csv", "/api/nope", "/api/users"]) {
      const res = await fetch(`${server.url}${route}`);
      await res.arrayBuffer();
      expect(res.headers.get("x-content-type-options"), route).toBe("nosniff");
    }
  });
});

describe("live streams follow their reader's permission", () => {
  const open = (cookie?: string) => SseStream.open(`${server.url}/api/documents/${SEED}/events`, cookie ? { cookie } : {});
  const ended = (s: SseStream) => s.until(() => false, 6_000, "the end of the stream").then(
    () => false,
    (e: Error) => /stream ended/.test(e.message),
  );

  it("ends after the reader signs out, and after they are signed out everywhere", async () => {
    const cookie = `vv_session=${await signIn(server.url, "bea")}`;
    const stream = await open(cookie);
    expect((await api(server.url, "POST", "/api/auth/logout", { cookie })).status).toBe(204);
    expect(await ended(stream)).toBe(true);
    const again = `vv_session=${await signIn(server.url, "bea")}`;
    const other = await open(again);
    expect((await api(server.url, "DELETE", `/api/users/${ids.bea}/sessions`, { cookie: adminCookie })).status).toBe(200);
    expect(await ended(other)).toBe(true);
  });

  it("ends after the reader's role changes", async () => {
    const cookie = `vv_session=${await signIn(server.url, "cleo")}`;
    const stream = await open(cookie);
    expect((await api(server.url, "PATCH", `/api/users/${ids.cleo}`, { cookie: adminCookie, body: { role: "reader" } })).status).toBe(200);
    expect(await ended(stream)).toBe(true);
  });

  it("ends a visitor's stream when public reading is turned off, and not a signed-in reader's", async () => {
    const visitor = await open();
    const reader = await open(`vv_session=${await signIn(server.url, "dora")}`);
    expect((await api(server.url, "PUT", "/api/settings", { cookie: adminCookie, body: { publicReading: false } })).status).toBe(200);
    try {
      expect(await ended(visitor)).toBe(true);
      expect(reader.events.length >= 0 && !(await reader.until(() => false, 1_000, "nothing").catch((e: Error) => /ended/.test(e.message)))).toBe(true);
    } finally {
      await api(server.url, "PUT", "/api/settings", { cookie: adminCookie, body: { publicReading: true } });
      await reader.close();
    }
  });
});

describe("inputs the probe sent", () => {
  it("a NUL or escape sequence anywhere is a 400 naming the character and where, never a 500", async () => {
    const name = await api(server.url, "POST", "/api/auth/login", { body: { name: "ada\u0000", password: "x" } });
    expect(name.status).toBe(400);
    expect(name.body.error).toMatchObject({ code: "controlCharacter", params: { field: "name", character: "U+0000" } });
    const cookie = `vv_session=${await signIn(server.url, "ada")}`;
    const doc = await postDocument(server.url, { slug: "nul", ...smallDocument(), fr: "Titre\nun\u0000deux\n" }, { headers: { cookie } });
    expect(doc.status).toBe(400);
    expect(doc.body.error).toMatchObject({ code: "controlCharacter", params: { what: "fr.txt", character: "U+0000", line: 2, column: 3 } });
    for (const route of [`/api/documents/a%00b`, `/api/glossary/x%00y`, `/documents/a%00b`, `/glossary/x%00y`]) {
      const res = await fetch(`${server.url}${route}`, { headers: { cookie } });
      await res.arrayBuffer();
      expect(res.status, route).toBe(404);
    }
  });

  it("meta.json nested 200,000 levels is a 400, and so is a JSON body nested past 64", async () => {
    const cookie = `vv_session=${await signIn(server.url, "ada")}`;
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const doc = await postDocument(server.url, { slug: "deep", ...smallDocument(), meta: deep }, { headers: { cookie } });
    expect(doc.status).toBe(400);
    const body = await api(server.url, "PUT", "/api/settings", { cookie, body: `{"publicReading":${"[".repeat(100)}${"]".repeat(100)}}` });
    expect(body.status).toBe(400);
    expect(body.body.error.code).toBe("tooDeep");
  });

  it("ids past what the database stores are unknown (404), not errors", async () => {
    const cookie = `vv_session=${await signIn(server.url, "ada")}`;
    const big = "99999999999";
    expect((await api(server.url, "PATCH", `/api/users/${big}`, { cookie, body: { role: "reader" } })).status).toBe(404);
    expect((await api(server.url, "POST", `/api/documents/${SEED}/suggestions/${big}/accept`, { cookie, body: {} })).status).toBe(404);
    expect((await api(server.url, "GET", `/api/documents/${SEED}/paragraphs/${big}/history`, { cookie })).status).toBe(404);
    expect((await api(server.url, "GET", `/api/audit?before=${big}`, { cookie })).status).toBe(200);
    const suggestion = await api(server.url, "POST", `/api/documents/${SEED}/suggestions`, {
      cookie,
      body: { paragraphId: 99999999999, baseRevision: 1, fixes: [{ start: 0, end: 1, deleted: "x", inserted: "y" }], category: "style", severity: "minor" },
    });
    expect(suggestion.status).toBeGreaterThanOrEqual(400);
    expect(suggestion.status).toBeLessThan(500);
  });

  it("a weak password is refused with the reason, in the reader's language", async () => {
    const cookie = `vv_session=${await signIn(server.url, "ada")}`;
    const weak = await api(server.url, "POST", "/api/users", { cookie, body: { name: "newbie", password: "aaaaaaaaaa", role: "reader" } });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: "weakPassword", params: { reason: "repeated" } });
    const fr = await api(server.url, "POST", "/api/users", { cookie, headers: { "accept-language": "fr" }, body: { name: "newbie", password: "newbie2024", role: "reader" } });
    expect(fr.body.error.params.reason).toBe("userName");
    expect(fr.body.error.message).toMatch(/nom d’utilisateur/);
    const common = await api(server.url, "POST", "/api/users", { cookie, body: { name: "newbie", password: "Password1234", role: "reader" } });
    expect(common.body.error.params.reason).toBe("common");
  });
});

describe("a burst of sign-ins", () => {
  it("is answered 401 or 429 (busy, Retry-After), never left to pile up on the thread pool", async () => {
    // From 60 addresses and names, so that no throttle applies: only the bound on hashing.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => postAnswerFrom(`127.0.1.${i + 1}`, "/api/auth/login", { name: `burst${i}`, password: "a wrong password" })),
    );
    expect(answers.every((a) => a.status === 401 || (a.status === 429 && a.code === "busy")), JSON.stringify(answers)).toBe(true);
    const busy = answers.filter((a) => a.code === "busy");
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((a) => a.retryAfter === "1")).toBe(true);
    // The pages still answer meanwhile and after.
    expect((await getPage(server.url + "/")).status).toBe(200);
  });
});

/// The notification routes over HTTP: one's own notifications only, marking read, the live
/// stream ending at sign-out, and the names offered after "@".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../support/accounts";
import { call } from "../support/corrections";
import { startServer, type RunningServer } from "../support/server";
import { SEED } from "./helpers";

let server: RunningServer;
const cookies: Record<string, string> = {};
let suggestionId = 0;

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [
    ["cora", "corrector"],
    ["rev", "reviewer"],
    ["rita", "reader"],
  ] as const)
    cookies[name] = await sessionCookieFor(server, name, role);
  const list = await call(server.url, "GET", `/api/documents/${SEED}/suggestions`, cookies.rev);
  suggestionId = list.body.suggestions.find((s: { status: string }) => s.status === "open").id;
  const c = await call(server.url, "POST", `/api/documents/${SEED}/suggestions/${suggestionId}/comments`, cookies.rev, { text: "@cora et @rita, voyez." });
  expect(c.status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
});

describe("notifications API", () => {
  it("lists a person's own notifications with the unread count, and refuses a visitor", async () => {
    const a = await call(server.url, "GET", "/api/notifications", cookies.cora);
    expect(a.status).toBe(200);
    expect(a.body.unread).toBe(1);
    expect(a.body.notifications[0]).toMatchObject({ kind: "mention", actor: "rev", suggestionId, document: { slug: SEED } });
    expect((await call(server.url, "GET", "/api/notifications", cookies.rev)).body.notifications).toEqual([]);
    expect((await call(server.url, "GET", "/api/notifications")).status).toBe(401);
  });

  it("marks read only the asker's own notifications", async () => {
    const mine = (await call(server.url, "GET", "/api/notifications", cookies.rita)).body.notifications[0].id;
    const other = await call(server.url, "POST", "/api/notifications/read", cookies.cora, { ids: [mine] });
    expect(other.body.changed).toBe(0);
    expect((await call(server.url, "GET", "/api/notifications", cookies.rita)).body.unread).toBe(1);
    const own = await call(server.url, "POST", "/api/notifications/read", cookies.rita, { all: true });
    expect(own.body).toEqual({ changed: 1, unread: 0 });
    expect((await call(server.url, "POST", "/api/notifications/read", cookies.rita, { ids: "x" })).status).toBe(400);
  });

  it("streams the unread count and ends the stream when its reader signs out", async () => {
    const cookie = await sessionCookieFor(server, "stream.user", "corrector");
    const res = await fetch(`${server.url}/api/notifications/events`, { headers: { cookie } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value) + new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: unread");
    expect(first).toContain('"unread":0');
    expect((await call(server.url, "POST", "/api/auth/logout", cookie)).status).toBeLessThan(400);
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      new Promise((r) => setTimeout(() => r(false), 8000)),
    ]);
    expect(ended).toBe(true);
  });

  it("offers names after @ to those who may comment", async () => {
    const a = await call(server.url, "GET", "/api/users/names?q=r", cookies.cora);
    expect(a.body.names).toEqual(["rev", "rita"]);
    expect((await call(server.url, "GET", "/api/users/names?q=co", cookies.rev)).body.names).toEqual(["cora"]);
    expect((await call(server.url, "GET", "/api/users/names?q=r", cookies.rita)).status).toBe(403);
  });
});

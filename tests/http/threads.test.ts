/// The comment-thread routes over HTTP: opening a thread on French or English words, loading
/// threads by paragraph, replying, resolving and reopening with their permissions, the live
/// event, and bad input refused with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../support/accounts";
import { call } from "../support/corrections";
import { startServer, type RunningServer } from "../support/server";
import { SseStream } from "../support/sse";
import { SEED } from "./helpers";

let server: RunningServer;
const cookies: Record<string, string> = {};
let doc: { rows: { paragraphId: number; fr: string; revision: number }[]; texts: { en: { id: number; text: string; revision: number }[] } };
const route = `/api/documents/${SEED}/threads`;

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [
    ["cora", "corrector"],
    ["carl", "corrector"],
    ["rev", "reviewer"],
    ["rita", "reader"],
  ] as const)
    cookies[name] = await sessionCookieFor(server, name, role);
  doc = (await call(server.url, "GET", `/api/documents/${SEED}`, cookies.rev)).body.document;
});
afterAll(async () => {
  await server?.stop();
});

/// A thread body on `words` of the English paragraph at `position`.
function onEnglish(position: number, words: string, text = "Check this.") {
  const p = doc.texts.en[position];
  const start = p.text.indexOf(words);
  return { paragraphId: p.id, revision: p.revision, start, end: start + words.length, quote: words, text };
}

describe("threads API", () => {
  it("opens threads on English and French words and lists them by paragraph", async () => {
    const body = onEnglish(2, doc.texts.en[2].text.split(" ").slice(0, 3).join(" "), "@rev what do you think?");
    const a = await call(server.url, "POST", route, cookies.cora, body);
    expect(a.status).toBe(201);
    expect(a.body.thread).toMatchObject({ lang: "en", position: 2, quote: body.quote, author: "cora", comments: [{ text: body.text, mentions: ["rev"] }] });
    const fr = doc.rows[3];
    const words = fr.fr.split(" ").slice(1, 3).join(" ");
    const start = fr.fr.indexOf(words);
    const b = await call(server.url, "POST", route, cookies.carl, { paragraphId: fr.paragraphId, revision: fr.revision, start, end: start + words.length, quote: words, text: "Ok?" });
    expect(b.status).toBe(201);
    const listed = await call(server.url, "GET", `${route}?paragraphs=${doc.texts.en[2].id}`, cookies.rita);
    expect(listed.body.threads.map((t: { id: number }) => t.id)).toEqual([a.body.thread.id]);
    const both = await call(server.url, "GET", `${route}?paragraphs=${doc.texts.en[2].id},${fr.paragraphId}`);
    expect(both.status).toBe(200);
    expect(both.body.threads).toHaveLength(2);
    const mention = await call(server.url, "GET", "/api/notifications", cookies.rev);
    expect(mention.body.notifications[0]).toMatchObject({ kind: "mention", actor: "cora", threadId: a.body.thread.id });
  });

  it("replies, and lets the author and reviewers resolve and reopen but not another corrector", async () => {
    const t = (await call(server.url, "POST", route, cookies.cora, onEnglish(4, doc.texts.en[4].text.split(" ")[0]))).body.thread;
    const reply = await call(server.url, "POST", `${route}/${t.id}/comments`, cookies.carl, { text: "Agreed." });
    expect(reply.status).toBe(201);
    expect(reply.body.thread.comments.map((c: { author: string }) => c.author)).toEqual(["cora", "carl"]);
    expect((await call(server.url, "POST", `${route}/${t.id}/resolve`, cookies.carl, { resolved: true })).status).toBe(403);
    const resolved = await call(server.url, "POST", `${route}/${t.id}/resolve`, cookies.rev, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread.resolved).toMatchObject({ by: "rev" });
    const reopened = await call(server.url, "POST", `${route}/${t.id}/resolve`, cookies.cora, { resolved: false });
    expect(reopened.body.thread.resolved).toBeNull();
    expect((await call(server.url, "POST", `${route}/${t.id}/comments`, cookies.rita, { text: "Me too" })).status).toBe(403);
    expect((await call(server.url, "POST", `${route}/${t.id}/resolve`, cookies.rita, { resolved: true })).status).toBe(403);
  });

  it("refuses bad input with a clear error and stores nothing", async () => {
    const before = (await call(server.url, "GET", route, cookies.rev)).body.threads.length;
    const good = onEnglish(5, doc.texts.en[5].text.split(" ")[0]);
    const refusals: [unknown, number, string?][] = [
      [{ ...good, quote: "not these words" }, 400, "badAnchor"],
      [{ ...good, end: good.start }, 400, "badAnchor"],
      [{ ...good, text: "   " }, 400],
      [{ ...good, text: "x".repeat(4001) }, 400],
      [{ ...good, start: -1 }, 400],
      [{ ...good, paragraphId: 999999 }, 404, "unknownParagraph"],
      [{ ...good, revision: 99 }, 409, "paragraphChanged"],
      ["not an object", 400],
    ];
    for (const [body, status, code] of refusals) {
      const a = await call(server.url, "POST", route, cookies.cora, body);
      expect(a.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (code) expect(a.body.error.code).toBe(code);
      expect(a.body.error.message).toBeTruthy();
    }
    expect((await call(server.url, "POST", route, cookies.rita, good)).status).toBe(403);
    expect((await call(server.url, "POST", route, undefined, good)).status).toBe(401);
    expect((await call(server.url, "POST", `${route}/999999/comments`, cookies.cora, { text: "x" })).status).toBe(404);
    expect((await call(server.url, "POST", `${route}/abc/resolve`, cookies.rev, { resolved: true })).status).toBe(404);
    expect((await call(server.url, "POST", `${route}/1/resolve`, cookies.rev, { resolved: "yes" })).status).toBe(400);
    expect((await call(server.url, "GET", `${route}?paragraphs=1,x`, cookies.rev)).status).toBe(400);
    expect((await call(server.url, "GET", `/api/documents/nope/threads`, cookies.rev)).status).toBe(404);
    expect((await call(server.url, "GET", route, cookies.rev)).body.threads.length).toBe(before);
  });

  it("sends new threads, replies and resolutions to live viewers", async () => {
    const stream = await SseStream.open(`${server.url}/api/documents/${SEED}/events`, { cookie: cookies.rita });
    try {
      const t = (await call(server.url, "POST", route, cookies.cora, onEnglish(6, doc.texts.en[6].text.split(" ")[0], "Live?"))).body.thread;
      const created = await stream.waitFor((e) => e.event === "threads.changed" && e.data.threads[0].id === t.id, 8000);
      expect(created.data.threads[0]).toMatchObject({ quote: t.quote, comments: [{ text: "Live?" }] });
      await call(server.url, "POST", `${route}/${t.id}/resolve`, cookies.rev, { resolved: true });
      const resolved = await stream.waitFor((e) => e.event === "threads.changed" && e.data.threads[0].resolved !== null, 8000);
      expect(resolved.data.threads[0]).toMatchObject({ id: t.id, resolved: { by: "rev" } });
    } finally {
      await stream.close();
    }
  });
});

/// Glossary edits that cannot silently lose work or meaning, over HTTP against the production
/// server: a version conflict (409) between two terminologists, the preferred-term rule with its
/// confirmation, restoring a version from the history, and an import as a live event for the
/// documents that use its terms.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TermEntry } from "@/lib/glossary/model";
import { openDatabase } from "@/server/db/connection";
import { eventsSince } from "@/server/events/store";
import { getEntryRecord } from "@/server/glossary/store";
import { sessionCookieFor } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { proposeReplacement } from "../support/corrections";
import { api, rawPost, SEED } from "./helpers";

let server: RunningServer;
let terri: string;
let tom: string;
let reader: string;
let corrector: string;

beforeAll(async () => {
  server = await startServer();
  [terri, tom, reader, corrector] = await Promise.all([
    sessionCookieFor(server, "terri", "terminologist"),
    sessionCookieFor(server, "tom", "terminologist"),
    sessionCookieFor(server, "rea", "reader"),
    sessionCookieFor(server, "corry", "corrector"),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

/// Reads the server's database directly.
async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: server.dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
const opened = async (id: string) => (await api(server.url, "GET", `/api/glossary/${id}`)).body as { entry: TermEntry; version: number; history: { id: number; action: string }[] };

describe("glossary edits (HTTP)", () => {
  it("a second terminologist saving from the same version gets 409, and the first one's edit stays", async () => {
    const { entry, version } = await opened("chip");
    const first = await api(server.url, "PUT", "/api/glossary/chip", { cookie: terri, body: { ...entry, note: "Terri's note.", version } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    const second = await api(server.url, "PUT", "/api/glossary/chip", { cookie: tom, body: { ...entry, note: "Tom's note.", version } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "versionConflict", params: { version: version + 1, by: "terri" } });
    expect(second.body.error.message).toContain("terri saved this entry meanwhile");
    expect(await withDb((db) => getEntryRecord(db.kysely, "chip"))).toMatchObject({ entry: { note: "Terri's note." }, version: version + 1 });
    // Without a version the edit is refused: last-write-wins is not on offer.
    const blind = await api(server.url, "PUT", "/api/glossary/chip", { cookie: tom, body: { ...entry, note: "Tom's note." } });
    expect(blind.status).toBe(400);
    expect(blind.body.error.params.field).toBe("version");
  });

  it("refuses to leave a language without a preferred term unless confirmed", async () => {
    const { entry, version } = await opened("chip");
    const edited = structuredClone(entry);
    edited.langs.fr!.terms = edited.langs.fr!.terms.map((t) => (t.text === "puce" ? { ...t, status: "deprecated" as const } : t));
    const refused = await api(server.url, "PUT", "/api/glossary/chip", { cookie: terri, body: { ...edited, version } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "noPreferredTerm", params: { langs: ["fr"] } });
    expect(refused.body.error.message).toContain("French");
    expect((await opened("chip")).entry).toEqual(entry);
    const confirmed = await api(server.url, "PUT", "/api/glossary/chip", { cookie: terri, body: { ...edited, version, allowNoPreferred: true } });
    expect(confirmed.status).toBe(200);
    expect((await opened("chip")).entry).toEqual(edited);
  });

  it("restores an earlier version from the history as a new change, and shows what changed word by word", async () => {
    const before = await opened("chip");
    const imported = before.history.find((h) => h.action === "import")!;
    const stale = await api(server.url, "POST", "/api/glossary/chip/restore", { cookie: tom, body: { historyId: imported.id, version: before.version - 1 } });
    expect(stale.status).toBe(409);
    const restored = await api(server.url, "POST", "/api/glossary/chip/restore", { cookie: tom, body: { historyId: imported.id, version: before.version } });
    expect(restored.status).toBe(200);
    const after = await opened("chip");
    expect(after.version).toBe(before.version + 1);
    expect(after.entry.note).toBeUndefined();
    expect(after.entry.langs.fr!.terms.find((t) => t.text === "puce")!.status).toBe("preferred");
    expect(after.history[0].action).toBe("restore");
    const unknown = await api(server.url, "POST", "/api/glossary/chip/restore", { cookie: tom, body: { historyId: 999999, version: after.version } });
    expect(unknown.status).toBe(404);
    // The entry's page shows the restore's changes as a word diff.
    const page = await (await fetch(`${server.url}/glossary/chip`)).text();
    expect(page).toMatch(/data-action="restore"[\s\S]*?<del>[\s\S]*?Terri/);
  });

  it("an import is a live event for the documents whose texts use its terms", async () => {
    const docId = await withDb(async (db) => (await db.kysely.selectFrom("documents").select("id").where("slug", "=", SEED).executeTakeFirstOrThrow()).id);
    const lastBefore = await withDb(async (db) => (await eventsSince(db.kysely, docId, 0)).at(-1)?.id ?? 0);
    const form = new FormData();
    form.set("file", new Blob(["Term [fr],Term [en]\nlevier,lever\n"]), "leviers.csv");
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const res = await rawPost(`${server.url}/api/glossary/import`, [bytes], {
      origin: server.url,
      cookie: terri,
      "content-type": encoded.headers.get("content-type")!,
      "content-length": String(bytes.byteLength),
    });
    expect(res.status).toBe(200);
    const events = await withDb((db) => eventsSince(db.kysely, docId, lastBefore));
    expect(events.map((e) => e.type)).toEqual(["glossary.changed"]);
    expect((events[0].data.entries as string[]).length).toBe(1);
  });
});

describe("who may support a suggestion or restore an entry (HTTP)", () => {
  it("support needs the right to suggest; restore needs the right to edit the glossary; nothing changes otherwise", async () => {
    const s = await proposeReplacement(server.url, SEED, terri, 6, "un obstacle insurmontable", "un obstacle infranchissable");
    const support = (cookie?: string) => api(server.url, "POST", `/api/documents/${SEED}/suggestions/${s.id}/support`, { cookie });
    expect((await support()).status).toBe(401);
    expect((await support(reader)).status).toBe(403);
    expect((await api(server.url, "POST", `/api/documents/${SEED}/suggestions/${s.id}/support`, { cookie: corrector, origin: "http://evil.example" })).status).toBe(403);
    const ok = await support(corrector);
    expect(ok.status).toBe(200);
    expect(ok.body.suggestion.supporters).toEqual(["corry"]);
    expect((await api(server.url, "POST", `/api/documents/${SEED}/suggestions/999999/support`, { cookie: corrector })).status).toBe(404);

    const { history, version, entry } = await opened("chip");
    const restore = (cookie?: string) => api(server.url, "POST", "/api/glossary/chip/restore", { cookie, body: { historyId: history.at(-1)!.id, version } });
    expect((await restore()).status).toBe(401);
    expect((await restore(corrector)).status).toBe(403);
    expect(await opened("chip")).toMatchObject({ version, entry });
  });
});

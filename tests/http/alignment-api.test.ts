/// Import of real formats and the alignment API over HTTP against the production server: the
/// preview stores nothing, hostile files are refused with one error and store nothing, and hand
/// repairs need a reviewer, fit the beads or are refused, and can be reverted.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCX_INFLATED_BYTES } from "@/server/corpus/docx";
import { sessionCookieFor } from "../support/accounts";
import { call } from "../support/corrections";
import { docx, docxParts, zip } from "../support/docx";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let admin: string;
let reviewer: string;
let corrector: string;
beforeAll(async () => {
  server = await startServer();
  [admin, reviewer, corrector] = await Promise.all([
    sessionCookieFor(server, "importer", "admin"),
    sessionCookieFor(server, "repairer", "reviewer"),
    sessionCookieFor(server, "fixer", "corrector"),
  ]);
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const FR = docx([{ heading: 1, text: "Le rapport" }, { runs: ["Premier paragraphe. ", "Il est long."] }, { runs: ["Deuxième paragraphe."] }]);
const EN_TEXT = "The report\n\nFirst paragraph.\n\nIt is long.\n\nSecond paragraph.\n";

function form(fields: Record<string, string | readonly [Uint8Array | string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") f.set(k, v);
    else f.set(k, new Blob([v[0] as BlobPart]), v[1]);
  }
  return f;
}
async function post(route: string, body: FormData, cookie = admin) {
  const res = await fetch(server.url + route, { method: "POST", body, headers: { cookie, origin: server.url } });
  return { status: res.status, body: await res.json() };
}
const slugs = async () => ((await call(server.url, "GET", "/api/documents")).body.documents as { slug: string }[]).map((d) => d.slug);

describe("importing real formats over HTTP", () => {
  it("previews a .docx against pasted English without storing anything, then imports with the chosen alignment", async () => {
    const fields = { slug: "rapport", fr: [FR, "rapport.docx"], enText: EN_TEXT } as const;
    const preview = await post("/api/documents/preview", form(fields));
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toMatchObject({
      fr: ["Le rapport", "Premier paragraphe. Il est long.", "Deuxième paragraphe."],
      en: ["The report", "First paragraph.", "It is long.", "Second paragraph."],
      formats: { fr: "docx", en: "text" },
    });
    expect(await slugs()).not.toContain("rapport");
    const beads = [{ fr: [0], en: [0] }, { fr: [1], en: [1, 2] }, { fr: [2], en: [3] }];
    const stored = await post("/api/documents", form({ ...fields, alignment: JSON.stringify({ beads }) }));
    expect(stored.status).toBe(201);
    expect(stored.body.result).toMatchObject({ status: "created", paragraphs: 3, alignment: { beads: 3, doubtful: 0 } });
    const doc = (await call(server.url, "GET", "/api/documents/rapport")).body.document;
    expect(doc.beads).toEqual(beads);
    expect(doc.texts.en).toHaveLength(4);
  });

  const hostile: [string, () => FormData, number, string][] = [
    [
      "a ZIP bomb posing as .docx",
      () => {
        const parts = docxParts([{ runs: ["x"] }]);
        parts.push({ name: "word/media/zeros.bin", data: Buffer.alloc(MAX_DOCX_INFLATED_BYTES + 1) });
        return form({ slug: "bomb", fr: [zip(parts), "bomb.docx"], enText: EN_TEXT });
      },
      400,
      "unsafeFile",
    ],
    ["a .docx that is not a ZIP", () => form({ slug: "broken", fr: ["PK but not really", "broken.docx"], enText: EN_TEXT }), 400, "brokenFile"],
    ["invalid UTF-8 in an HTML page", () => form({ slug: "latin", fr: [new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x3c]), "page.html"], enText: EN_TEXT }), 400, "notUtf8"],
    ["a PDF", () => form({ slug: "pdf", fr: ["%PDF-1.4", "x.pdf"], enText: EN_TEXT }), 400, "unsupportedFormat"],
    ["an alignment that does not fit", () => form({ slug: "misfit", fr: [FR, "r.docx"], enText: EN_TEXT, alignment: JSON.stringify({ beads: [{ fr: [0], en: [0] }] }) }), 400, "badAlignment"],
  ];
  for (const [what, body, status, code] of hostile) {
    it(`refuses ${what} with one clear error, in the preview and the import, storing nothing`, async () => {
      const before = await slugs();
      for (const route of ["/api/documents/preview", "/api/documents"]) {
        const res = await post(route, body());
        expect(res.status, route).toBe(status);
        expect(res.body.error.code).toBe(code);
        expect(res.body.error.message).not.toMatch(/alignment\.errors|errors\.document/);
      }
      expect(await slugs()).toEqual(before);
    });
  }

  it("keeps scripts of an HTML page out of the stored text", async () => {
    const page = "<html><head><title>T</title><script>alert(1)</script></head><body><article><h1>Titre</h1><p onclick='x()'>Un <script>document.cookie</script>texte.</p></article></body></html>";
    const res = await post("/api/documents", form({ slug: "scripted", fr: [page, "page.html"], enText: "Title\nA text.\n" }));
    expect(res.status).toBe(201);
    const doc = (await call(server.url, "GET", "/api/documents/scripted")).body.document;
    expect(doc.rows.map((r: { fr: string }) => r.fr)).toEqual(["Titre", "Un texte."]);
  });

  it("lets only those who import use the preview", async () => {
    expect((await post("/api/documents/preview", form({ slug: "x", frText: "a", enText: "b" }), corrector)).status).toBe(403);
  });
});

describe("the alignment API", () => {
  const base = "/api/documents/rapport/alignment";

  it("gives the beads and their history to readers, and repairs only for reviewers and admins", async () => {
    const read = await call(server.url, "GET", base);
    expect(read.status).toBe(200);
    expect(read.body.beads).toHaveLength(3);
    expect((await call(server.url, "POST", base, corrector, { kind: "merge", bead: 0 })).status).toBe(403);
    expect((await call(server.url, "POST", base, undefined, { kind: "merge", bead: 0 })).status).toBe(401);
    const merged = await call(server.url, "POST", base, reviewer, { kind: "merge", bead: 1 });
    expect(merged.status).toBe(200);
    expect(merged.body.beads).toEqual([{ fr: [0], en: [0] }, { fr: [1, 2], en: [1, 2, 3] }]);
  });

  it("refuses an edit that does not fit the beads, and a revert that later changes overtook", async () => {
    expect((await call(server.url, "POST", base, reviewer, { kind: "merge", bead: 1 })).body.error.code).toBe("noNextBead");
    expect((await call(server.url, "POST", base, reviewer, { kind: "move", lang: "fr", paragraph: 1, direction: "down" })).status).toBe(400);
    expect((await call(server.url, "POST", base, reviewer, { kind: "shuffle" })).status).toBe(400);
    const split = await call(server.url, "POST", base, reviewer, { kind: "split", bead: 1, fr: 1, en: 2 });
    expect(split.body.beads).toEqual([{ fr: [0], en: [0] }, { fr: [1], en: [1, 2] }, { fr: [2], en: [3] }]);
    const history = (await call(server.url, "GET", base)).body.history as { id: number; kind: string }[];
    expect(history.map((c) => c.kind)).toEqual(["split", "merge"]);
    const overtaken = await call(server.url, "POST", `${base}/changes/${history[1].id}/revert`, reviewer, {});
    expect(overtaken.status).toBe(409);
    expect(overtaken.body.error.code).toBe("conflict");
    const undone = await call(server.url, "POST", `${base}/changes/${history[0].id}/revert`, admin, {});
    expect(undone.status).toBe(200);
    expect(undone.body.beads).toEqual([{ fr: [0], en: [0] }, { fr: [1, 2], en: [1, 2, 3] }]);
    expect((await call(server.url, "POST", `${base}/changes/${history[0].id}/revert`, admin, {})).status).toBe(409);
    expect((await call(server.url, "POST", `${base}/changes/999999/revert`, admin, {})).status).toBe(404);
  });
});

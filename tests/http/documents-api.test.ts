/// The documents API over HTTP against the production server: listing, reading, exporting and
/// importing, and every kind of bad upload refused with its error code and nothing stored.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_FILE_BYTES } from "@/lib/corpus/document";
import { sessionCookieFor } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { correctedSeedParagraphs, seedCorrections, getJson, importForm, postDocument, rawPost, SEED, seedFile, seedParagraphs, smallDocument, type DocumentUpload } from "./helpers";

let server: RunningServer;
let adminCookie: string;

/// Imports need an admin: every upload here is sent with an admin's session, unless the test
/// is about who may import (tests/http/permissions.test.ts).
function postAsAdmin(upload: Parameters<typeof postDocument>[1], init: Parameters<typeof postDocument>[2] = {}) {
  const cookie = [adminCookie, init.headers?.cookie].filter(Boolean).join("; ");
  return postDocument(server.url, upload, { ...init, headers: { ...init.headers, cookie } });
}

beforeAll(async () => {
  server = await startServer();
  adminCookie = await sessionCookieFor(server, "importer", "admin");
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const list = async () => {
  const { status, body } = await getJson(`${server.url}/api/documents`);
  expect(status).toBe(200);
  return body.documents as { slug: string; title: { fr: string; en: string }; sourceLang: string; targetLang: string; paragraphs: number }[];
};
const fetchDocument = async (slug: string) => getJson(`${server.url}/api/documents/${slug}`);

describe("reading", () => {
  it("GET /api/documents lists the seed document with its titles, languages and paragraph count", async () => {
    const meta = JSON.parse(seedFile("meta.json"));
    const seed = (await list()).find((d) => d.slug === SEED);
    // The French title is the title paragraph as corrected; the English one is meta.json's.
    expect(seed).toEqual({ slug: SEED, title: { fr: correctedSeedParagraphs()[0], en: meta.title.en }, sourceLang: "fr", targetLang: "en", paragraphs: 14 });
  });

  it("GET /api/documents/:slug gives the metadata and the 14 aligned rows", async () => {
    const { status, body } = await fetchDocument(SEED);
    expect(status).toBe(200);
    const doc = body.document;
    expect(doc.slug).toBe(SEED);
    expect(doc.meta.title).toEqual(JSON.parse(seedFile("meta.json")).title);
    expect(doc.paragraphs).toBe(14);
    expect(doc.rows).toHaveLength(14);
    expect(doc.rows.map((r: { position: number }) => r.position)).toEqual([...Array(14).keys()]);
    expect(doc.rows.map((r: { fr: string }) => r.fr)).toEqual(correctedSeedParagraphs());
    expect(doc.rows.map((r: { en: string }) => r.en)).toEqual(seedParagraphs("en"));
    expect(doc.rows[2].fr).toContain("comblé l'écart");
    // Each accepted shipped correction made one revision of its paragraph.
    const accepted = (i: number) => JSON.parse(seedCorrections()).suggestions.filter((s: { paragraph: number; status: string }) => s.paragraph === i && s.status === "accepted").length;
    expect(doc.rows.map((r: { revision: number }) => r.revision)).toEqual(doc.rows.map((_: unknown, i: number) => 1 + accepted(i)));
  });

  it("GET /api/documents/:slug answers 404 with a JSON error for an unknown slug", async () => {
    const { status, body } = await fetchDocument("no-such-document");
    expect(status).toBe(404);
    expect(body.error.code).toBe("notFound");
    expect(body.error.message).toBe("There is no such page or document.");
    const fr = await getJson(`${server.url}/api/documents/no-such-document`, { cookie: "lang=fr" });
    expect(fr.body.error.message).toBe("Cette page ou ce document n’existe pas.");
  });
});

describe("export", () => {
  const exportUrl = (query: string, slug = SEED) => `${server.url}/api/documents/${slug}/export?${query}`;

  it("?format=txt&lang=fr gives the corrected French paragraphs, one per line, with a final newline", async () => {
    const res = await fetch(exportUrl("format=txt&lang=fr"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${SEED}.fr.txt"`);
    const text = await res.text();
    expect(seedFile("fr.txt").endsWith("\n")).toBe(false); // so the final newline below is the export's own
    expect(text).toBe(correctedSeedParagraphs().join("\n") + "\n");
  });

  it("?format=txt&lang=en gives the English text", async () => {
    const res = await fetch(exportUrl("format=txt&lang=en"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(seedParagraphs("en").join("\n") + "\n");
  });

  it("?format=json gives the aligned document with 14 rows", async () => {
    const res = await fetch(exportUrl("format=json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${SEED}.json"`);
    const json = await res.json();
    expect(json.slug).toBe(SEED);
    expect(json.meta.title).toEqual(JSON.parse(seedFile("meta.json")).title);
    expect(json.rows).toHaveLength(14);
    expect(json.rows[2]).toEqual({ paragraph: 2, fr: correctedSeedParagraphs()[2], en: seedParagraphs("en")[2], revision: expect.any(Number) });
  });

  it("refuses an unknown format or language with 400, and an unknown document with 404", async () => {
    for (const query of ["format=pdf", "format=txt&lang=de", "format="]) {
      const res = await fetch(exportUrl(query));
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe("badRequest");
    }
    const missing = await fetch(exportUrl("format=txt&lang=fr", "no-such-document"));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("notFound");
  });
});

describe("import", () => {
  const slug = "small-import";

  it("creates a new document (201), which the list then shows with its paragraph count", async () => {
    const before = await list();
    const { status, body } = await postAsAdmin({ slug, ...smallDocument() });
    expect(status).toBe(201);
    expect(body.result).toEqual({ slug, status: "created", paragraphs: 3, alignment: null });
    const after = await list();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((d) => d.slug === slug)).toEqual({
      slug,
      title: { fr: "Un petit document", en: "A small document" },
      sourceLang: "fr",
      targetLang: "en",
      paragraphs: 3,
    });
    const doc = (await fetchDocument(slug)).body.document;
    expect(doc.rows.map((r: { fr: string }) => r.fr)).toEqual([
      "Un petit document",
      "Premier paragraphe, court.",
      "Deuxième paragraphe : « guillemets » et l'apostrophe.",
    ]);
    const page = await fetch(`${server.url}/documents/${slug}`);
    expect(page.status).toBe(200);
  });

  it("answers 200 \"unchanged\" to the same files again, and changes nothing", async () => {
    const before = (await fetchDocument(slug)).body;
    const { status, body } = await postAsAdmin({ slug, ...smallDocument() });
    expect(status).toBe(200);
    expect(body.result).toEqual({ slug, status: "unchanged", paragraphs: 3, alignment: null });
    expect((await fetchDocument(slug)).body).toEqual(before);
  });

  it("answers \"updated\" naming the changed paragraph when one line changes, and stores the new text", async () => {
    const stored = (await fetchDocument(slug)).body.document;
    const files = smallDocument();
    files.fr = files.fr.replace("Premier paragraphe, court.", "Premier paragraphe, corrigé.");
    const { status, body } = await postAsAdmin({ slug, ...files });
    expect(status).toBe(200);
    expect(body.result.status).toBe("updated");
    expect(body.result.fr).toEqual({ changed: [1], added: [], removed: [] });
    expect(body.result.en).toEqual({ changed: [], added: [], removed: [] });
    expect(body.result.metaChanged).toBe(false);
    const doc = (await fetchDocument(slug)).body.document;
    expect(doc.rows[1].fr).toBe("Premier paragraphe, corrigé.");
    expect(doc.rows[1].revision).toBe(stored.rows[1].revision + 1);
    expect(doc.rows[0].revision).toBe(stored.rows[0].revision);
    expect(doc.rows[2]).toEqual(stored.rows[2]);
    expect((await list()).find((d) => d.slug === slug)?.paragraphs).toBe(3);
  });

  it("reports a metadata change and shows the new title", async () => {
    const files = smallDocument("Un petit document, retitré");
    files.fr = files.fr.replace("Premier paragraphe, court.", "Premier paragraphe, corrigé.");
    const { body } = await postAsAdmin({ slug, ...files });
    expect(body.result.status).toBe("updated");
    expect(body.result.fr.changed).toEqual([0]);
    expect(body.result.metaChanged).toBe(true);
    expect((await list()).find((d) => d.slug === slug)?.title.fr).toBe("Un petit document, retitré");
  });
});

describe("bad uploads are refused and store nothing", () => {
  const existing = "steady-document";
  const fresh = "never-stored";
  const valid = smallDocument("Un document stable");
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const overLimit = (bytes: number) => new Uint8Array(bytes).fill(0x61); // "aaaa…", no newline

  beforeAll(async () => {
    const { status } = await postAsAdmin({ slug: existing, ...valid });
    expect(status).toBe(201);
  });

  /// The whole observable state: the list, and the text of the existing and seed documents.
  async function snapshot() {
    return {
      list: await list(),
      existing: (await fetchDocument(existing)).body,
      seed: await (await fetch(`${server.url}/api/documents/${SEED}/export?format=json`)).text(),
    };
  }

  type Case = {
    name: string;
    upload: (slug: string) => DocumentUpload | FormData;
    status: number;
    code: string;
    params?: object;
    message?: string;
  };
  const cases: Case[] = [
    {
      name: "fr.txt that is not UTF-8 (bytes C3 28)",
      upload: (slug) => ({ slug, ...valid, fr: new Uint8Array([...utf8("Titre\nUn "), 0xc3, 0x28, ...utf8("\nTrois\n")]) }),
      status: 400,
      code: "notUtf8",
      params: { file: "fr.txt", offset: 9 },
    },
    {
      name: "an empty fr.txt",
      upload: (slug) => ({ slug, ...valid, fr: "" }),
      status: 400,
      code: "empty",
      params: { file: "fr.txt" },
    },
    {
      name: "an en.txt of blank lines only",
      upload: (slug) => ({ slug, ...valid, en: "\n  \n\t\n" }),
      status: 400,
      code: "empty",
      params: { file: "en.txt" },
    },
    {
      name: "meta.json with an alignment that does not fit the texts",
      upload: (slug) => ({ slug, ...valid, meta: { ...valid.meta, alignment: { beads: [{ fr: [0], en: [0] }] } } }),
      status: 400,
      code: "badAlignment",
    },
    {
      name: "meta.json without title.en",
      upload: (slug) => ({ slug, ...valid, meta: { ...valid.meta, title: { fr: "Titre" } } }),
      status: 400,
      code: "metaIncomplete",
    },
    {
      name: "meta.json that is not JSON",
      upload: (slug) => ({ slug, ...valid, meta: '{"title": {"fr": "Titre",' }),
      status: 400,
      code: "metaNotJson",
    },
    {
      name: "a file over 5 MB",
      upload: (slug) => ({ slug, ...valid, en: overLimit(MAX_DOCUMENT_FILE_BYTES + 1) }),
      status: 413,
      code: "tooLarge",
      params: { file: "en.txt", size: "5.0" },
      message: "en.txt is 5.0 MB; the limit is 5 MB.",
    },
    {
      // Three files just under 5 MB each, and a further 1 MB field: each file is allowed, the
      // whole body is not, and it is refused before it is read (no file named).
      name: "a body over the upload limit (~16 MB)",
      upload: (slug) => {
        const form = importForm({ slug, fr: overLimit(MAX_DOCUMENT_FILE_BYTES), en: overLimit(MAX_DOCUMENT_FILE_BYTES), meta: overLimit(MAX_DOCUMENT_FILE_BYTES) });
        form.set("padding", new Blob([overLimit(1048576)]));
        return form;
      },
      status: 413,
      code: "tooLarge",
      message: "The upload is too large (limit 15 MB).",
    },
    {
      name: "a form without the English side",
      upload: (slug) => ({ slug, fr: valid.fr, meta: valid.meta }) as DocumentUpload,
      status: 400,
      code: "missingField",
      params: { field: "en" },
    },
  ];

  it.each(cases)("$name → $status $code, for a new and for an existing document", async ({ upload, status, code, params, message }) => {
    const before = await snapshot();
    for (const slug of [fresh, existing]) {
      const res = await postAsAdmin(upload(slug));
      expect(res.status, slug).toBe(status);
      expect(res.body.error.code, slug).toBe(code);
      expect(typeof res.body.error.message).toBe("string");
      expect(res.body.error.message.length).toBeGreaterThan(0);
      if (params) expect(res.body.error.params).toEqual(expect.objectContaining(params));
      if (message) expect(res.body.error.message).toBe(message);
      expect(res.body.result).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
    expect((await fetchDocument(fresh)).status).toBe(404);
  });

  it("names the missing field in meta.json's problems", async () => {
    const { body } = await postAsAdmin({ slug: fresh, ...valid, meta: { ...valid.meta, title: { fr: "Titre" } } });
    expect(body.error.params.problems).toContain("title.en");
  });

  it("refuses the slug \"Bad Slug\" (400 invalidSlug)", async () => {
    const before = await snapshot();
    const { status, body } = await postAsAdmin({ slug: "Bad Slug", ...valid });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalidSlug");
    expect(body.error.params).toMatchObject({ slug: "Bad Slug" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a form without a slug (400 missingField)", async () => {
    const before = await snapshot();
    const { status, body } = await postAsAdmin({ ...valid });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "missingField", params: { field: "slug" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body over the upload limit sent without Content-Length (streamed)", async () => {
    const before = await snapshot();
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const chunks = Array.from({ length: 17 }, () => chunk); // 17 MB, its size declared nowhere
    const res = await rawPost(`${server.url}/api/documents`, chunks, {
      origin: server.url,
      cookie: adminCookie,
      "content-type": "multipart/form-data; boundary=----vav",
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.code).toBe("tooLarge");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body that is not a form (400 badRequest)", async () => {
    const before = await snapshot();
    const res = await fetch(`${server.url}/api/documents`, {
      method: "POST",
      body: JSON.stringify({ slug: fresh, ...valid }),
      headers: { origin: server.url, "content-type": "application/json", cookie: adminCookie },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("badRequest");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a valid document posted from a foreign origin (403) and stores nothing", async () => {
    const before = await snapshot();
    const changed = { ...valid, fr: valid.fr.replace("Premier", "Tout premier") };
    for (const origin of ["http://evil.example", `${server.url}.evil.example`, "null"]) {
      for (const slug of [fresh, existing]) {
        const { status, body } = await postAsAdmin({ slug, ...changed }, { origin });
        expect(status, `${origin} → ${slug}`).toBe(403);
        expect(body.error.code).toBe("foreignOrigin");
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("explains a refusal in the reader's language", async () => {
    const { body } = await postAsAdmin({ slug: fresh, ...valid, fr: "" }, { headers: { cookie: "lang=fr" } });
    expect(body.error.code).toBe("empty");
    expect(body.error.message).toBe("fr.txt est vide : il faut au moins une ligne de texte.");
  });
});

/// The glossary API and pages over HTTP against the production server: search, an entry with its
/// concordance and history, creating, editing and deprecating as a terminologist (and who may
/// not), exports that read back as the stored glossary, and imports — hostile files refused
/// with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGlossaryCsv } from "@/lib/formats/csv";
import { readTbx } from "@/lib/formats/tbx";
import type { TermEntry } from "@/lib/glossary/model";
import { openDatabase } from "@/server/db/connection";
import { listEntries } from "@/server/glossary/store";
import { sessionCookieFor } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { api, correctedSeedParagraphs, elementsWithClass, getPage, rawPost, SEED, seedParagraphs, textOf, visibleMarkup } from "./helpers";

let server: RunningServer;
let terminologist: string;
let corrector: string;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  [terminologist, corrector, admin] = await Promise.all([
    sessionCookieFor(server, "terri", "terminologist"),
    sessionCookieFor(server, "corry", "corrector"),
    sessionCookieFor(server, "root", "admin"),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

/// The glossary as the server's database holds it, read straight from it.
async function stored(): Promise<TermEntry[]> {
  const db = await openDatabase({ dataDir: server.dataDir });
  try {
    return await listEntries(db.kysely);
  } finally {
    await db.close();
  }
}
const byId = (entries: TermEntry[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));

const search = async (q: string) => {
  const res = await api(server.url, "GET", `/api/glossary?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.entries as (TermEntry & { matchedTerm: { lang: string; text: string; status: string } | null })[];
};

/// POSTs one file to the import route as a browser's form would, over a connection of its own
/// (an oversized upload is answered early).
async function importFile(name: string, content: string | Uint8Array, cookie = terminologist, origin = server.url) {
  const form = new FormData();
  form.set("file", new Blob([content as BlobPart]), name);
  const encoded = new Response(form);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const res = await rawPost(`${server.url}/api/glossary/import`, [bytes], {
    origin,
    cookie,
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(bytes.byteLength),
  });
  let body: any = null;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

const entry = (id: string, fr: string, en: string): TermEntry => ({
  id,
  subjectField: "testing",
  langs: {
    fr: { notes: [], terms: [{ text: fr, status: "preferred", partOfSpeech: "noun", gender: "masculine" }] },
    en: { notes: [], terms: [{ text: en, status: "preferred", partOfSpeech: "noun" }] },
  },
});

describe("search", () => {
  it("ignores accents and case: “controle” finds “contrôles d'exportation”", async () => {
    const hits = await search("controle");
    const hit = hits.find((e) => e.id === "export-controls");
    expect(hit?.matchedTerm).toMatchObject({ lang: "fr", status: "preferred" });
    expect(hit?.matchedTerm?.text).toMatch(/^contrôles/);
    expect((await search("CONTRÔLES D’EXPORTATION"))[0].id).toBe("export-controls");
  });

  it("finds by the start of a word: “semi” finds semi-conducteur, “exportation” a later word", async () => {
    const hits = await search("semi");
    expect(hits.map((e) => e.id)).toContain("semiconductor");
    expect(hits.find((e) => e.id === "semiconductor")?.matchedTerm?.text).toBe("semi-conducteur");
    expect((await search("exportation")).map((e) => e.id)).toContain("export-controls");
    expect(await search("emi")).not.toContainEqual(expect.objectContaining({ id: "semiconductor" }));
  });

  it("finds a deprecated variant: “jeton” gives the chip entry, matched by that term", async () => {
    const [first] = await search("jeton");
    expect(first.id).toBe("chip");
    expect(first.matchedTerm).toEqual({ lang: "fr", text: "jeton", status: "deprecated" });
    expect(first.langs.fr?.terms[0]).toMatchObject({ text: "puce", status: "preferred" });
  });

  it("finds a singular term from its plural (readers search for words as the text writes them)", async () => {
    const [first] = await search("chips");
    expect(first.id).toBe("chip");
    expect(first.matchedTerm).toEqual({ lang: "en", text: "chip", status: "preferred" });
    expect((await search("puces"))[0].id).toBe("chip");
  });

  it("lists every entry for an empty query, and nothing for a word no term has", async () => {
    const all = await search("");
    expect(all.length).toBe((await stored()).length);
    expect(all.every((e) => e.matchedTerm === null)).toBe(true);
    expect(await search("xyzzy")).toEqual([]);
  });

  it("the page searches without JavaScript (GET form) and shows statuses in words", async () => {
    const { status, html } = await getPage(`${server.url}/glossary?q=jeton`);
    expect(status).toBe(200);
    const markup = visibleMarkup(html);
    expect(markup).toMatch(/<form[^>]*action="\/glossary"[^>]*method="get"|<form[^>]*method="get"[^>]*action="\/glossary"/);
    expect(markup).toMatch(/<input[^>]*name="q"[^>]*value="jeton"/);
    const rows = [...markup.matchAll(/<tr data-entry="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(["chip"]);
    const row = textOf(rows[0][2]);
    expect(row).toContain("puce");
    expect(row).toContain("jeton deprecated");
    expect(row).toContain("chip");
    // Visitors see no editing controls; the nav links the glossary.
    expect(markup).not.toContain('href="/glossary/new"');
    expect(markup).toMatch(/<a[^>]*href="\/glossary"[^>]*>Glossary<\/a>/);
    // Without a query: every entry.
    const list = visibleMarkup((await getPage(`${server.url}/glossary`)).html);
    expect([...list.matchAll(/<tr data-entry="/g)].length).toBe((await stored()).length);
  });
});

describe("an entry with its concordance", () => {
  it("GET /api/glossary/:id gives the entry, its history and every occurrence in the seed with the aligned counterpart", async () => {
    const res = await api(server.url, "GET", "/api/glossary/export-controls");
    expect(res.status).toBe(200);
    expect(res.body.entry.id).toBe("export-controls");
    expect(res.body.history).toMatchObject([{ actor: "import", action: "import" }]);
    const fr = correctedSeedParagraphs();
    const en = seedParagraphs("en");
    const occurrences = res.body.occurrences as {
      document: { slug: string };
      position: number;
      lang: "fr" | "en";
      start: number;
      end: number;
      term: string;
      text: string;
      counterpart: { lang: string; text: string; spans: { start: number; end: number }[] };
    }[];
    const inSeed = occurrences.filter((o) => o.document.slug === SEED);
    expect(inSeed.length).toBeGreaterThanOrEqual(10);
    expect(new Set(inSeed.map((o) => o.lang))).toEqual(new Set(["fr", "en"]));
    for (const o of inSeed) {
      const [own, other] = o.lang === "fr" ? [fr, en] : [en, fr];
      expect(o.text).toBe(own[o.position]);
      expect(o.counterpart).toMatchObject({ lang: o.lang === "fr" ? "en" : "fr", text: other[o.position] });
      const form = o.text.slice(o.start, o.end).toLowerCase();
      expect(form).toMatch(o.lang === "fr" ? /^contrôles? (d'|d’|des |à l'|à l’)export/ : /^export[- ]controls?$/);
      for (const s of o.counterpart.spans) expect(o.counterpart.text.slice(s.start, s.end).toLowerCase()).toMatch(/export/);
    }
    // Paragraph 2 (the first of the body) has the term on both sides.
    const first = inSeed.find((o) => o.lang === "fr" && o.position === 1)!;
    expect(first.counterpart.spans.length).toBeGreaterThan(0);
  });

  it("the page shows the terms with their statuses, the concordance with <mark> on both sides linking to the reader, and the history", async () => {
    const { status, html } = await getPage(`${server.url}/glossary/chip`);
    expect(status).toBe(200);
    const markup = visibleMarkup(html);
    const terms = elementsWithClass(markup, "li", "gl-term-row").map((r) => textOf(r.inner));
    expect(terms).toEqual(expect.arrayContaining([expect.stringMatching(/^jeton deprecated noun · masculine/)]));
    const lines = elementsWithClass(markup, "li", "concordance-line");
    expect(lines.length).toBeGreaterThan(3);
    const line = lines.find((l) => l.attrs["data-position"] === "1")!;
    expect(line.inner).toContain(`href="/documents/${SEED}#p-2"`);
    const marks = [...line.inner.matchAll(/<mark class="term-hit status-(\w+)"[^>]*>([^<]*)<\/mark>/g)].map((m) => m[2].toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(["puces", "chips"]));
    expect(textOf(markup)).toContain("History");
    expect(markup).toMatch(/<tr data-action="import">/);
    expect((await getPage(`${server.url}/glossary/no-such-entry`)).status).toBe(404);
    expect((await api(server.url, "GET", "/api/glossary/no-such-entry")).status).toBe(404);
  });
});

describe("editing", () => {
  it("a terminologist creates an entry (201), which is then found, listed with its history, and its id cannot be taken again (409)", async () => {
    const created = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: entry("test-wafer", "plaquette", "wafer") });
    expect(created.status).toBe(201);
    expect(created.body.entry).toEqual(entry("test-wafer", "plaquette", "wafer"));
    expect((await search("plaquet"))[0].id).toBe("test-wafer");
    const got = await api(server.url, "GET", "/api/glossary/test-wafer");
    expect(got.body.history).toMatchObject([{ actor: "terri", action: "create" }]);
    const again = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: entry("test-wafer", "autre", "other") });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("idTaken");
    expect((await stored()).find((e) => e.id === "test-wafer")).toEqual(entry("test-wafer", "plaquette", "wafer"));
  });

  it("edits (PUT) add a variant and deprecate a term; history and the audit log record them; the reader's index sees them at once", async () => {
    const opened = (await api(server.url, "GET", "/api/glossary/chip")).body;
    const chip = opened.entry as TermEntry;
    const edited = structuredClone(chip);
    edited.langs.fr!.terms.push({ text: "microprocesseur", status: "admitted", partOfSpeech: "noun", gender: "masculine" });
    const put = await api(server.url, "PUT", "/api/glossary/chip", { cookie: terminologist, body: { ...edited, version: opened.version } });
    expect(put.status).toBe(200);
    expect(put.body.changed).toBe(true);
    expect((await search("microproc"))[0]).toMatchObject({ id: "chip", matchedTerm: { text: "microprocesseur", status: "admitted" } });

    // The same body again: nothing to record.
    const same = await api(server.url, "PUT", "/api/glossary/chip", { cookie: terminologist, body: { ...edited, version: put.body.version } });
    expect(same.body.changed).toBe(false);

    // Deprecating "puce électronique" is an edit of its status.
    const deprecated = structuredClone(edited);
    const target = deprecated.langs.fr!.terms.find((t) => t.text === "puce électronique")!;
    target.status = "deprecated";
    expect((await api(server.url, "PUT", "/api/glossary/chip", { cookie: terminologist, body: { ...deprecated, version: put.body.version } })).status).toBe(200);
    const after = await api(server.url, "GET", "/api/glossary/chip");
    expect(after.body.entry).toEqual(deprecated);
    expect(after.body.history.map((h: { action: string; actor: string }) => `${h.action}:${h.actor}`)).toEqual(["edit:terri", "edit:terri", "import:import"]);
    expect((await search("puce electronique"))[0].matchedTerm).toEqual({ lang: "fr", text: "puce électronique", status: "deprecated" });

    const audit = await api(server.url, "GET", "/api/audit?action=glossary.edit", { cookie: admin });
    expect(audit.body.entries.map((e: { actor: string; target: string; detail: unknown }) => [e.actor, e.target, e.detail])).toEqual([
      ["terri", "chip", { deprecated: ["fr:puce électronique"] }],
      ["terri", "chip", null],
    ]);

    // The reader's terms use the edited glossary at once: the entry's page lists the variant.
    const page = visibleMarkup((await getPage(`${server.url}/glossary/chip`)).html);
    expect(page).toContain('data-term="microprocesseur"');
    expect(page).toMatch(/<li class="gl-term-row status-deprecated" data-term="puce électronique">/);
  });

  it("refuses an id other than the URL's, an unknown entry, and an invalid entry, changing nothing", async () => {
    const before = await stored();
    const mismatch = await api(server.url, "PUT", "/api/glossary/test-wafer", { cookie: terminologist, body: { ...entry("chip", "puce", "chip"), version: 1 } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe("idMismatch");
    const unknown = await api(server.url, "PUT", "/api/glossary/no-such-entry", { cookie: terminologist, body: { ...entry("no-such-entry", "x", "y"), version: 1 } });
    expect(unknown.status).toBe(404);
    const badId = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: entry("Not Kebab", "x", "y") });
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatchObject({ code: "invalidField", params: { field: "id" } });
    const noTerms = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: { id: "empty-entry", langs: {} } });
    expect(noTerms.status).toBe(400);
    const emptyTerm = entry("empty-term", "", "y");
    const bad = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: emptyTerm });
    expect(bad.body.error.params.field).toBe("langs.fr.terms.0.text");
    const notJson = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: "{not json" });
    expect(notJson.status).toBe(400);
    const huge = await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body: { ...entry("huge", "x", "y"), note: "x".repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it("a corrector gets 403, a visitor 401, a foreign origin 403, and nothing changes", async () => {
    const before = await stored();
    const body = entry("sneaky", "sournois", "sneaky");
    const chipBody = (await api(server.url, "GET", "/api/glossary/chip")).body.entry;
    for (const [cookie, status] of [
      [corrector, 403],
      [undefined, 401],
    ] as const) {
      expect((await api(server.url, "POST", "/api/glossary", { cookie, body })).status).toBe(status);
      expect((await api(server.url, "PUT", "/api/glossary/chip", { cookie, body: { ...chipBody, note: "changed", version: 1 } })).status).toBe(status);
      expect((await importFile("t.csv", "Term [fr],Term [en]\nsournois,sneaky\n", cookie ?? "")).status).toBe(status);
    }
    expect((await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body, origin: "http://evil.example" })).status).toBe(403);
    expect((await api(server.url, "POST", "/api/glossary", { cookie: terminologist, body, origin: null })).status).toBe(403);
    expect((await importFile("t.csv", "Term [fr],Term [en]\nsournois,sneaky\n", terminologist, "http://evil.example")).status).toBe(403);
    expect(await stored()).toEqual(before);
    // Pages: the form needs the role; the list shows its controls to those who have it.
    expect((await getPage(`${server.url}/glossary/new`, { cookie: corrector })).status).toBe(403);
    expect((await getPage(`${server.url}/glossary/chip/edit`)).status).toBe(307);
    const editorList = visibleMarkup((await getPage(`${server.url}/glossary`, { cookie: terminologist })).html);
    expect(editorList).toContain('href="/glossary/new"');
    expect(editorList).toMatch(/<input[^>]*type="file"[^>]*name="file"/);
    const editorPage = visibleMarkup((await getPage(`${server.url}/glossary/chip`, { cookie: terminologist })).html);
    expect(editorPage).toContain('href="/glossary/chip/edit"');
    expect(visibleMarkup((await getPage(`${server.url}/glossary/chip`, { cookie: corrector })).html)).not.toContain('href="/glossary/chip/edit"');
    expect((await getPage(`${server.url}/glossary/chip/edit`, { cookie: terminologist })).status).toBe(200);
  });
});

describe("export", () => {
  it("?format=tbx downloads the glossary as TBX that reads back equal to the stored entries", async () => {
    const res = await fetch(`${server.url}/api/glossary/export?format=tbx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="glossary.tbx"');
    const entries = readTbx(await res.text());
    expect(byId(entries)).toEqual(byId(await stored()));
    expect(entries.find((e) => e.id === "chip")?.langs.fr?.terms.map((t) => t.text)).toContain("microprocesseur");
  });

  it("?format=csv downloads a CSV that reads back equal to the stored entries", async () => {
    const res = await fetch(`${server.url}/api/glossary/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(byId(readGlossaryCsv(new TextDecoder().decode(bytes)))).toEqual(byId(await stored()));
    expect((await fetch(`${server.url}/api/glossary/export?format=xlsx`)).status).toBe(400);
  });
});

describe("import", () => {
  it("imports a CSV (created, then unchanged), then a TBX updating an entry it created", async () => {
    const csv = "Concept ID,Term [fr],Status [fr],Term [en],Status [en]\ncsv-lithography,lithographie,preferred,lithography,preferred\n";
    const first = await importFile("terms.csv", csv);
    expect(first.status).toBe(200);
    expect(first.body.result).toMatchObject({ file: "terms.csv", entries: 1, created: 1, updated: 0, unchanged: 0, kept: 0 });
    expect((await search("lithograph"))[0].id).toBe("csv-lithography");
    expect((await importFile("terms.csv", csv)).body.result).toMatchObject({ created: 0, unchanged: 1 });

    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="csv-lithography"><langSet xml:lang="fr"><tig><term>lithographie</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig><tig><term>photolithographie</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="en"><tig><term>lithography</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet></termEntry>
</body></text></martif>`;
    const second = await importFile("litho.tbx", tbx);
    expect(second.status).toBe(200);
    expect(second.body.result).toMatchObject({ created: 0, updated: 1 });
    expect((await search("photolitho"))[0].id).toBe("csv-lithography");
    const history = (await api(server.url, "GET", "/api/glossary/csv-lithography")).body.history;
    expect(history.map((h: { action: string; actor: string }) => `${h.action}:${h.actor}`)).toEqual(["import:terri", "import:terri"]);
    const audit = await api(server.url, "GET", "/api/audit?action=glossary.import", { cookie: admin });
    expect(audit.body.entries[0]).toMatchObject({ actor: "terri", target: "litho.tbx", detail: { created: 0, updated: 1 } });
  });

  const tbxWith = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"><text><body>${body}</body></text></martif>`;
  const oneEntry = (lang: string) =>
    tbxWith(`<termEntry id="hostile-entry"><langSet xml:lang="${lang}"><tig><term>Chip</term></tig></langSet></termEntry>`);

  const hostile: [string, string, string | Uint8Array, number, RegExp][] = [
    [
      "an external entity (XXE)",
      "xxe.tbx",
      `<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<martif type="TBX-Basic"><text><body><termEntry id="hostile-entry"><langSet xml:lang="fr"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>`,
      400,
      /DOCTYPE/,
    ],
    [
      "an entity bomb (billion laughs)",
      "lol.tbx",
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n")}\n]>\n<martif type="TBX-Basic"><text><body><termEntry id="hostile-entry"><langSet xml:lang="fr"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>`,
      400,
      /DOCTYPE/,
    ],
    ["malformed XML", "broken.tbx", tbxWith(`<termEntry id="hostile-entry"><langSet xml:lang="fr"><tig><term>x</tig></langSet></termEntry>`), 400, /malformed XML/],
    ["a language other than French and English", "de.tbx", oneEntry("de"), 400, /"de"/],
    ["an entry whose id the app cannot keep", "badid.tbx", tbxWith(`<termEntry id="Hostile Entry"><langSet xml:lang="fr"><tig><term>x</term></tig></langSet></termEntry>`), 400, /Hostile Entry/],
    ["bytes that are not UTF-8", "latin1.csv", new Uint8Array([0x54, 0x65, 0x72, 0x6d, 0x20, 0x5b, 0x66, 0x72, 0x5d, 0x0a, 0xe9, 0x0a]), 400, /UTF-8/],
    ["a CSV with no French or English column", "de.csv", "Term [de],Term [it]\nChip,Chip\n", 400, /Term \[fr\]/],
    ["a CSV with an unclosed quote", "quote.csv", 'Term [fr],Term [en]\n"hostile,entry\n', 400, /quote/],
    ["a file that is neither TBX nor CSV", "terms.docx", "PK\u0003\u0004", 400, /\.tbx/],
    ["a TBX over 10 MB", "big.tbx", tbxWith(`<!--${"x".repeat(10 * 1024 * 1024)}-->`), 413, /10 MB/],
  ];

  it.each(hostile)("refuses %s with the reader's message and stores nothing", async (_what, name, content, status, message) => {
    const before = await stored();
    const res = await importFile(name, content);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await stored()).toEqual(before);
    expect((await search("hostile")).map((e) => e.id)).toEqual([]);
  });

  it("refuses a body far over the limit with 413 before reading it all, and a form without a file with 400", async () => {
    const before = await stored();
    const res = await importFile("huge.tbx", new Uint8Array(12 * 1024 * 1024).fill(0x20));
    expect(res.status).toBe(413);
    const noFile = await api(server.url, "POST", "/api/glossary/import", { cookie: terminologist, body: "x", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(noFile.status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

/// The pages as the production server renders them, read over HTTP without running any script:
/// what a reader, a crawler or a slow phone sees first.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";
import {
  elementsWithClass,
  getPage,
  htmlLang,
  readerRows,
  SEED,
  seedFile,
  seedParagraphs,
  correctedSeedParagraphs,
  currentTextOf,
  textOf,
  visibleMarkup,
} from "./helpers";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const seedMeta = () => JSON.parse(seedFile("meta.json")) as { title: { fr: string; en: string } };

describe("home page", () => {
  it("lists the seed document with both titles, its language pair and its paragraph count", async () => {
    const { status, html } = await getPage(`${server.url}/`);
    expect(status).toBe(200);
    expect(htmlLang(html)).toBe("en");
    const cards = elementsWithClass(html, "li", "document-card");
    const card = cards.find((c) => c.attrs["data-slug"] === SEED);
    expect(card, "the seed document's card").toBeDefined();
    const { title } = seedMeta();
    const h2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/.exec(card!.inner)!;
    expect(h2[1]).toContain('lang="fr"');
    // The French title is the title paragraph as corrected ("Deepseek" became "DeepSeek").
    expect(textOf(h2[2])).toBe(correctedSeedParagraphs()[0]);
    expect(title.fr).toMatch(/^Deepseek /);
    expect(h2[2]).toContain(`href="/documents/${SEED}"`);
    const en = elementsWithClass(card!.inner, "p", "title-en")[0];
    expect(en.attrs.lang).toBe("en");
    expect(textOf(en.inner)).toBe(title.en);
    const facts = textOf(elementsWithClass(card!.inner, "p", "facts")[0].inner);
    expect(facts).toContain("French → English");
    expect(facts).toContain("14 paragraphs");
  });

  it("speaks French to a reader whose cookie says so", async () => {
    const { html } = await getPage(`${server.url}/`, { cookie: "lang=fr" });
    expect(htmlLang(html)).toBe("fr");
    const text = textOf(html);
    expect(text).toContain("14 paragraphes");
    expect(text).toContain("français → anglais");
    expect(text).toContain("Se connecter");
  });
});

describe("document page", () => {
  it("shows the 14 aligned rows, p-1 to p-14, each with a French and an English cell", async () => {
    const { status, html } = await getPage(`${server.url}/documents/${SEED}`);
    expect(status).toBe(200);
    const rows = readerRows(html);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => `p-${i + 1}`));
    const fr = correctedSeedParagraphs();
    const en = seedParagraphs("en");
    rows.forEach((row, i) => {
      const frCells = row.cells.filter((c) => c.lang === "fr");
      const enCells = row.cells.filter((c) => c.lang === "en");
      expect(frCells, `${row.id} French cell`).toHaveLength(1);
      expect(enCells, `${row.id} English cell`).toHaveLength(1);
      expect(currentTextOf(frCells[0].html)).toBe(fr[i]);
      expect(enCells[0].text).toBe(en[i]);
    });
    // The machine translation's "commis l'écart" was corrected by a shipped suggestion.
    expect(rows[2].cells.find((c) => c.lang === "fr")!.text).toContain("comblé l'écart");
  });

  it("puts the French title in the page title and the title row's heading", async () => {
    const { html } = await getPage(`${server.url}/documents/${SEED}`);
    expect(textOf(/<title>([\s\S]*?)<\/title>/.exec(html)![1])).toBe(`${correctedSeedParagraphs()[0]} · Vis-à-vis`);
    const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(visibleMarkup(html))!;
    expect(currentTextOf(h1[1])).toBe(correctedSeedParagraphs()[0]);
  });

  it("offers the three exports", async () => {
    const { html } = await getPage(`${server.url}/documents/${SEED}`);
    const links = elementsWithClass(html, "dd", "export-links")[0].inner;
    expect(links).toContain(`href="/api/documents/${SEED}/export?format=txt&amp;lang=fr"`);
    expect(links).toContain(`href="/api/documents/${SEED}/export?format=txt&amp;lang=en"`);
    expect(links).toContain(`href="/api/documents/${SEED}/export?format=json"`);
  });

  it("renders in the layout the reader chose (cookie), side by side otherwise", async () => {
    const layoutOf = (html: string) => /<div class="reader [^"]*" data-layout="([a-z]+)"/.exec(html)?.[1];
    expect(layoutOf((await getPage(`${server.url}/documents/${SEED}`)).html)).toBe("side");
    expect(layoutOf((await getPage(`${server.url}/documents/${SEED}`, { cookie: "layout=fr" })).html)).toBe("fr");
    expect(layoutOf((await getPage(`${server.url}/documents/${SEED}`, { cookie: "layout=interleaved" })).html)).toBe("interleaved");
    expect(layoutOf((await getPage(`${server.url}/documents/${SEED}`, { cookie: "layout=upside-down" })).html)).toBe("side");
  });
});

describe("interface language", () => {
  it("is French with the cookie lang=fr", async () => {
    const { html } = await getPage(`${server.url}/documents/${SEED}`, { cookie: "lang=fr" });
    expect(htmlLang(html)).toBe("fr");
    const markup = visibleMarkup(html);
    for (const s of ["Tous les documents", "Côte à côte", "Français seul", "Alterné"]) expect(textOf(markup)).toContain(s);
    expect(markup).toContain('aria-label="Paragraphes alignés"');
    expect(textOf(markup)).not.toContain("All documents");
    expect(markup).toContain('<button type="button" lang="fr" aria-pressed="true" data-lang="fr">');
  });

  it("is French for Accept-Language: fr-FR without a cookie", async () => {
    const { html } = await getPage(`${server.url}/documents/${SEED}`, { "accept-language": "fr-FR,fr;q=0.9,en;q=0.8" });
    expect(htmlLang(html)).toBe("fr");
    expect(textOf(html)).toContain("Tous les documents");
  });

  it("is English by default, and for a language it does not have", async () => {
    for (const headers of [{}, { "accept-language": "de-DE,de;q=0.9" }] as Record<string, string>[]) {
      const { html } = await getPage(`${server.url}/documents/${SEED}`, headers);
      expect(htmlLang(html)).toBe("en");
      expect(textOf(html)).toContain("All documents");
      expect(textOf(html)).not.toContain("Tous les documents");
    }
  });

  it("follows the cookie over Accept-Language, and ignores a cookie naming no language it has", async () => {
    const en = await getPage(`${server.url}/`, { cookie: "lang=en", "accept-language": "fr-FR" });
    expect(htmlLang(en.html)).toBe("en");
    const fr = await getPage(`${server.url}/`, { cookie: "lang=xx", "accept-language": "fr-FR" });
    expect(htmlLang(fr.html)).toBe("fr");
  });
});

describe("not found", () => {
  it("answers 404 for an unknown document, with the not-found text in the reader's language", async () => {
    const en = await getPage(`${server.url}/documents/no-such-document`);
    expect(en.status).toBe(404);
    // The text travels in the page's payload (see the next test for the server-rendered markup).
    expect(en.html).toContain("There is no such page or document.");
    const fr = await getPage(`${server.url}/documents/no-such-document`, { cookie: "lang=fr" });
    expect(fr.status).toBe(404);
    expect(fr.html).toContain("Cette page ou ce document n’existe pas.");
    expect(fr.html).not.toContain("There is no such page or document.");
  });

  // Known Next.js limitation (vercel/next.js#62228): when a page calls notFound(), the HTML is an
  // empty error shell (<html id="__next_error__">, no lang, no stylesheet, no header) and the
  // not-found page is drawn by the client only. Remove `.fails` once Next server-renders it.
  it.fails("server-renders the not-found page for an unknown document (fails today: Next.js#62228)", async () => {
    const { html } = await getPage(`${server.url}/documents/no-such-document`, { cookie: "lang=fr" });
    expect(htmlLang(html)).toBe("fr");
    expect(textOf(html)).toContain("Cette page ou ce document n’existe pas.");
  });

  it("server-renders the localized not-found page for a path no route matches", async () => {
    const { status, html } = await getPage(`${server.url}/no/such/page`, { cookie: "lang=fr" });
    expect(status).toBe(404);
    expect(htmlLang(html)).toBe("fr");
    const text = textOf(html);
    expect(text).toContain("Introuvable");
    expect(text).toContain("Cette page ou ce document n’existe pas.");
    expect(text).toContain("Tous les documents");
  });
});

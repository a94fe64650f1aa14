/// Alignment in real Chromium: importing an unequal pair from the import page (a Markdown French
/// text and a saved English web page), the reader's bead rows, doubtful beads, repairing a bead by
/// hand (seen live by another reader, reverted from the history) and sentence cross-highlighting.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { addUser, signIn } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { hydrated, newContext, readerReady, readerState, serverAndBrowser } from "./helpers";

const FR_MD = `# Le contrôle des exportations

En 2022, les États-Unis ont restreint l'exportation des puces les plus avancées vers la Chine. En 2023, ils ont élargi la liste à 40 pays.

## Ce que DeepSeek a fait

DeepSeek a entraîné son modèle V3 pour 5,6 millions de dollars, avec 2 048 puces H800.

Ils semblent avoir commis l'écart de performance avec les meilleurs modèles américains.
`;
const EN_HTML = `<!doctype html><html><head><title>Export controls | The Weekly</title><script>alert("page")</script></head><body>
<nav><a href="/">Home</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Export controls</h1>
<p>In 2022, the United States restricted exports of the most advanced chips to China.</p>
<p>In 2023, they widened the list to 40 countries.</p>
<h2>What DeepSeek did</h2>
<p>DeepSeek trained its V3 model for 5.6 million dollars, with 2,048 H800 chips.</p>
<p>Now, therefore, the rules matter more than ever.</p>
<p>They appear to have closed the performance gap with the best American models.</p>
</article><footer>© The Weekly</footer></body></html>`;

const meta = {
  title: { fr: "Réparer un segment", en: "Repairing a bead" },
  languages: { source: "fr", target: "en" },
  provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human", by: "Tests" } },
  licence: "CC0",
};
const REPAIR_FR = ["Réparer un segment", "Premier paragraphe. Il a deux phrases.", "Deuxième paragraphe.", "Troisième paragraphe."];
const REPAIR_EN = ["Repairing a bead", "First paragraph.", "It has two sentences.", "Second paragraph.", "Third paragraph."];
/// The English splits paragraph 2 in two; the aligner doubted the last bead.
const REPAIR_BEADS = [
  { fr: [0], en: [0], score: 0.95 },
  { fr: [1], en: [1, 2], score: 0.8 },
  { fr: [2], en: [3], score: 0.9 },
  { fr: [3], en: [4], score: 0.2 },
];

describeIfAvailable("Chromium", chromiumAvailable())("alignment (Chromium)", () => {
  const env = serverAndBrowser();
  let admin: string;
  let reviewer: string;
  beforeAll(async () => {
    await addUser(env.server.dataDir, "aligner", "admin");
    await addUser(env.server.dataDir, "repairer", "reviewer");
    [admin, reviewer] = await Promise.all([signIn(env.server.url, "aligner"), signIn(env.server.url, "repairer")]);
    // The document to repair, imported with its alignment as a document folder's meta.json has it.
    const form = new FormData();
    form.set("slug", "repair-me");
    form.set("fr", new Blob([REPAIR_FR.join("\n")]), "fr.txt");
    form.set("en", new Blob([REPAIR_EN.join("\n")]), "en.txt");
    form.set("meta", new Blob([JSON.stringify({ ...meta, alignment: { beads: REPAIR_BEADS } })]), "meta.json");
    const res = await fetch(`${env.server.url}/api/documents`, { method: "POST", body: form, headers: { cookie: `vv_session=${admin}`, origin: env.server.url } });
    expect(res.status).toBe(201);
  });

  async function open(path: string, token?: string): Promise<Page> {
    const context = await newContext(env.browser);
    if (token) await context.addCookies([{ name: "vv_session", value: token, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(env.server.url + path);
    return page;
  }

  it("imports an unequal pair from the import page: the preview first, nothing stored until confirmed, then bead rows", async () => {
    const page = await open("/import", admin);
    try {
      await hydrated(page, "form.import-form");
      await page.locator('input[name="slug"]').pressSequentially("unequal-pair");
      await page.setInputFiles('input[name="fr"]', { name: "controle.md", mimeType: "text/markdown", buffer: Buffer.from(FR_MD) });
      await page.setInputFiles('input[name="en"]', { name: "controls.html", mimeType: "text/html", buffer: Buffer.from(EN_HTML) });
      await page.locator('form.import-form button[type="submit"]').click();
      await page.locator(".import-preview .summary").waitFor();
      expect(await page.locator(".import-preview .formats").innerText()).toBe("Read as: French Markdown, English web page.");
      expect(await page.locator(".import-preview .summary").innerText()).toMatch(/^5 French paragraphs and 7 English paragraphs in \d+ beads?; \d+ doubtful\.$/);
      const previewText = await page.locator(".preview-beads").innerText();
      expect(previewText).toContain("What DeepSeek did");
      expect(previewText.match(/.{0,40}(Subscribe|alert|The Weekly).{0,40}/)?.[0]).toBeUndefined();
      const documents = async () => ((await (await fetch(`${env.server.url}/api/documents`)).json()).documents as { slug: string }[]).map((d) => d.slug);
      expect(await documents()).not.toContain("unequal-pair");
      const previewBeads = await page.locator(".preview-bead").count();

      await page.locator(".import-preview button.confirm").click();
      await page.locator(".notice.ok").waitFor();
      expect(await documents()).toContain("unequal-pair");
      await page.locator(".notice.ok a").click();
      await page.waitForURL(`${env.server.url}/documents/unequal-pair`);
      await readerReady(page);
      expect(await page.locator("li.row").count()).toBe(previewBeads);
      // Every French paragraph has its anchor, and the English has all seven paragraphs.
      for (let n = 1; n <= 5; n++) expect(await page.locator(`#p-${n}`).count()).toBe(1);
      expect(await page.locator(".cell.en .para").count()).toBe(7);
      expect(await page.locator("#p-1 .cell.fr h1").innerText()).toBe("Le contrôle des exportations");
    } finally {
      await page.context().close();
    }
  });

  it("shows a progress bar while a long pasted pair is aligned, then its preview", async () => {
    const context = await newContext(env.browser);
    await context.addCookies([{ name: "vv_session", value: admin, url: env.server.url }]);
    // Remember whether a progress bar was ever on the page (it may be gone by the time we look).
    await context.addInitScript(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector(".align-progress progress")) w.__sawProgress = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.url}/import`);
      await hydrated(page, "form.import-form");
      const n = 3000;
      const fr = Array.from({ length: n }, (_, i) => `Le paragraphe numéro ${i + 1} parle de ${i % 7 === 0 ? "puces" : "modèles"} et de ${i * 3} dollars.`).join("\n");
      const en = Array.from({ length: n }, (_, i) => `Paragraph number ${i + 1} is about ${i % 7 === 0 ? "chips" : "models"} and ${i * 3} dollars.`).join("\n");
      await page.locator('input[name="slug"]').fill("long-pair");
      // Pasted at once (typing 3,000 lines would take minutes): the form reads the fields' values.
      await page.evaluate(
        ([a, b]) => {
          (document.querySelector('textarea[name="frText"]') as HTMLTextAreaElement).value = a;
          (document.querySelector('textarea[name="enText"]') as HTMLTextAreaElement).value = b;
        },
        [fr, en],
      );
      await page.locator('form.import-form button[type="submit"]').click();
      await page.locator(".import-preview .summary").waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
      expect(await page.locator(".import-preview .summary").innerText()).toMatch(/^3,?000 French paragraphs and 3,?000 English paragraphs in 3,?000 beads/);
      expect(await page.locator(".preview-bead").count()).toBe(400);
      expect(await page.locator(".import-preview").innerText()).toMatch(/… and 2,?600 more beads\./);
    } finally {
      await context.close();
    }
  });

  it("shows a bead's rows, answers to each paragraph's anchor, and takes d to the doubtful bead", async () => {
    const page = await open("/documents/repair-me#p-3");
    try {
      await readerReady(page);
      expect(await page.locator("li.row").count()).toBe(4);
      expect(await page.locator("#p-2 .cell.en .para").allInnerTexts()).toEqual(["First paragraph.", "It has two sentences."]);
      expect((await readerState(page)).current).toEqual(["p-3"]);
      expect(await page.locator(".row.doubtful").count()).toBe(1);
      expect(await page.locator("#p-4 .doubt-mark").count()).toBe(1);
      await page.keyboard.press("d");
      expect(await readerState(page)).toMatchObject({ current: ["p-4"], hash: "#p-4" });
      await page.locator("button.doubtful-filter").click();
      expect(await page.locator("li.row:visible").count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it("highlights the English sentence aligned with a hovered French sentence", async () => {
    const page = await open("/documents/repair-me");
    try {
      await readerReady(page);
      // The middle of the French paragraph's second sentence.
      const point = await page.evaluate(() => {
        const p = document.querySelector("#p-2 .cell.fr .para p")!;
        const text = p.firstChild!.firstChild ?? p.firstChild!;
        const node = (text.nodeType === 3 ? text : text.firstChild) as Text;
        const at = node.data.indexOf("deux phrases");
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.move(point.x, point.y);
      const lit = await page.waitForFunction(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const own = [...(h.get("vv-sentence") ?? [])].map((r) => r.toString());
        const other = [...(h.get("vv-counterpart") ?? [])].map((r) => r.toString());
        return own.length && other.length ? { own, other } : null;
      });
      expect(await lit.jsonValue()).toEqual({ own: ["Il a deux phrases."], other: ["It has two sentences."] });
    } finally {
      await page.context().close();
    }
  });

  it("lets a reviewer merge two beads, which another reader sees live, and revert the merge from the history", async () => {
    const [mine, theirs] = await Promise.all([open("/documents/repair-me", reviewer), open("/documents/repair-me")]);
    try {
      await Promise.all([readerReady(mine), readerReady(theirs)]);
      await theirs.locator(".live-live").waitFor();
      // A reader has no repair tools.
      await theirs.locator("#p-3 a.num").click();
      expect(await theirs.locator(".bead-tools").count()).toBe(0);

      await mine.locator("#p-3 a.num").click();
      const tools = mine.locator("#p-3 .bead-tools");
      await tools.waitFor();
      await tools.locator("button.merge").click();
      await mine.waitForFunction(() => document.querySelectorAll("li.row").length === 3);
      expect(await mine.locator("#p-3 .cell.fr .para").count()).toBe(2);
      expect(await mine.locator("#p-4").count()).toBe(1); // the merged row answers to both anchors
      await theirs.waitForFunction(() => document.querySelectorAll("li.row").length === 3);
      expect(await theirs.locator("#p-3 .cell.en .para").allInnerTexts()).toEqual(["Second paragraph.", "Third paragraph."]);

      // Detach the third English paragraph of the merged bead: a one-sided row says so.
      await mine.locator('#p-3 .paragraph-tools[data-lang="en"][data-paragraph="4"] button.detach').click();
      await mine.waitForFunction(() => document.querySelectorAll("li.row").length === 4);
      expect(await mine.locator("li.row.one-sided .cell.fr").innerText()).toBe("No French counterpart");

      await mine.locator("#p-3 a.num").click();
      await mine.locator("#p-3 .bead-tools button[aria-expanded]").click();
      const history = mine.locator(".alignment-history li");
      await history.first().waitFor();
      expect(await history.allInnerTexts()).toEqual([expect.stringContaining("No counterpart"), expect.stringContaining("Merged")]);
      await history.nth(0).locator("button.revert").click();
      await mine.waitForFunction(() => document.querySelectorAll("li.row").length === 3);
      await mine.locator('.alignment-history li[data-kind="merge"] button.revert').click();
      await mine.waitForFunction(() => document.querySelectorAll("li.row").length === 4);
      await theirs.waitForFunction(() => document.querySelectorAll("li.row").length === 4);
      expect(await theirs.locator("#p-4 .cell.en").innerText()).toBe("Third paragraph.");
    } finally {
      await Promise.all([mine.context().close(), theirs.context().close()]);
    }
  });
});

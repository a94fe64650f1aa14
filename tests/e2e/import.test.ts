/// The import form in real Chromium: files and a short name, the preview of the alignment, the
/// notice that follows, and what a refused upload tells the reader.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { addUser, signIn } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { hydrated, newContext, serverAndBrowser } from "./helpers";

const meta = {
  title: { fr: "Un document importé", en: "An imported document" },
  languages: { source: "fr", target: "en" },
  provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human", by: "Tests" } },
  licence: "CC BY 4.0",
};
const FR = "Un document importé\nPremier paragraphe.\nDeuxième paragraphe.\n";
const EN = "An imported document\nFirst paragraph.\nSecond paragraph.\n";

type Files = { fr: string | Buffer; en: string | Buffer; meta: string | Buffer };
const valid: Files = { fr: FR, en: EN, meta: JSON.stringify(meta) };

describeIfAvailable("Chromium", chromiumAvailable())("import form (Chromium)", () => {
  const env = serverAndBrowser();
  let adminToken: string;
  beforeAll(async () => {
    await addUser(env.server.dataDir, "importer", "admin");
    adminToken = await signIn(env.server.url, "importer");
  });

  const slugs = async () =>
    ((await (await fetch(`${env.server.url}/api/documents`)).json()).documents as { slug: string }[]).map((d) => d.slug);

  async function openForm(lang?: "fr"): Promise<Page> {
    const context = await newContext(env.browser);
    await context.addCookies([{ name: "vv_session", value: adminToken, url: env.server.url }]);
    if (lang) await context.addCookies([{ name: "lang", value: lang, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/import`);
    await hydrated(page, "form.import-form");
    return page;
  }

  /// Fills the form as a reader does: types the short name, picks the three files, asks for the
  /// preview and, when there is one, imports with the proposed alignment.
  async function submit(page: Page, slug: string, files: Files) {
    await page.locator('input[name="slug"]').pressSequentially(slug);
    expect(await page.inputValue('input[name="slug"]')).toBe(slug); // j and k type as letters here
    const file = (name: string, mimeType: string, content: string | Buffer) => ({
      name,
      mimeType,
      buffer: typeof content === "string" ? Buffer.from(content, "utf8") : content,
    });
    await page.setInputFiles('input[name="fr"]', file("fr.txt", "text/plain", files.fr));
    await page.setInputFiles('input[name="en"]', file("en.txt", "text/plain", files.en));
    await page.setInputFiles('input[name="meta"]', file("meta.json", "application/json", files.meta));
    await page.locator('form.import-form button[type="submit"]').click();
    await page.locator(".import-preview button.confirm, .notice.error").first().waitFor();
    const confirm = page.locator(".import-preview button.confirm");
    if (await confirm.count()) await confirm.click();
  }

  it("imports three files, says so, and links to the new document", async () => {
    const page = await openForm();
    try {
      await submit(page, "jk-imported", valid);
      const notice = page.locator(".notice.ok");
      await notice.waitFor();
      expect(await notice.innerText()).toContain("Imported “jk-imported”: 3 paragraphs.");
      expect(await page.locator(".notice.error").count()).toBe(0);
      expect(await slugs()).toContain("jk-imported");

      const link = notice.getByRole("link", { name: "Open the document" });
      expect(await link.getAttribute("href")).toBe("/documents/jk-imported");
      await link.click();
      await page.waitForURL(`${env.server.url}/documents/jk-imported`);
      await page.locator("li.row").first().waitFor();
      expect(await page.locator("li.row").count()).toBe(3);
      expect(await page.locator("#p-2 .cell.fr").innerText()).toBe("Premier paragraphe.");
      expect(await page.locator("#p-2 .cell.en").innerText()).toBe("First paragraph.");
    } finally {
      await page.context().close();
    }
  });

  it("says so when the same files are imported again", async () => {
    const page = await openForm();
    try {
      await submit(page, "jk-again", valid);
      await page.locator(".notice.ok").waitFor();
      await page.locator('input[name="slug"]').fill("");
      await submit(page, "jk-again", valid);
      await page.getByText("“jk-again” is already up to date: nothing changed.").waitFor();
    } finally {
      await page.context().close();
    }
  });

  it("previews an unequal pair before storing anything, then imports it aligned", async () => {
    const page = await openForm();
    const before = await slugs();
    try {
      const en = "An imported document\nFirst paragraph.\nSecond paragraph.\nA paragraph the French lacks.\n";
      await page.locator('input[name="slug"]').pressSequentially("uneven-lines");
      await page.setInputFiles('input[name="fr"]', { name: "fr.txt", mimeType: "text/plain", buffer: Buffer.from(FR) });
      await page.setInputFiles('input[name="en"]', { name: "en.txt", mimeType: "text/plain", buffer: Buffer.from(en) });
      await page.locator('form.import-form button[type="submit"]').click();
      const summary = page.locator(".import-preview .summary");
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/^3 French paragraphs and 4 English paragraphs in \d beads?; \d doubtful\.$/);
      expect(await page.locator(".preview-bead").count()).toBeGreaterThanOrEqual(3);
      expect(await slugs()).toEqual(before);
      await page.locator(".import-preview button.confirm").click();
      await page.locator(".notice.ok").waitFor();
      expect(await slugs()).toContain("uneven-lines");
    } finally {
      await page.context().close();
    }
  });

  it("explains a refusal in French to a French reader", async () => {
    const page = await openForm("fr");
    const before = await slugs();
    try {
      const notUtf8 = Buffer.concat([Buffer.from("Titre\n"), Buffer.from([0xc3, 0x28]), Buffer.from("\nDeux\n")]);
      await submit(page, "pas-utf8", { ...valid, fr: notUtf8 });
      const notice = page.locator(".notice.error");
      await notice.waitFor();
      expect(await notice.innerText()).toBe(
        "Rien n’a été importé. fr.txt n’est pas en UTF-8 valide (premier octet fautif à la position 6).",
      );
      expect(await slugs()).toEqual(before);
    } finally {
      await page.context().close();
    }
  });

  it("names the file that is over 5 MB", async () => {
    const page = await openForm();
    const before = await slugs();
    try {
      await submit(page, "too-big", { ...valid, fr: Buffer.alloc(6 * 1048576, "a") });
      const notice = page.locator(".notice.error");
      await notice.waitFor();
      expect(await notice.innerText()).toBe("Nothing was imported. fr.txt is 6.0 MB; the limit is 5 MB.");
      expect(await slugs()).toEqual(before);
    } finally {
      await page.context().close();
    }
  });

  it("says the upload is too large when the three files together pass the limit", async () => {
    const page = await openForm();
    const before = await slugs();
    try {
      const big = Buffer.alloc(5.5 * 1048576, "a");
      await submit(page, "far-too-big", { fr: big, en: big, meta: big });
      const notice = page.locator(".notice.error");
      await notice.waitFor();
      expect(await notice.innerText()).toBe("Nothing was imported. The upload is too large (limit 15 MB).");
      expect(await slugs()).toEqual(before);
    } finally {
      await page.context().close();
    }
  });
});

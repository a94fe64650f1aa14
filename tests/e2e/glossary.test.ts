/// The glossary in real Chromium: searching, an entry's concordance, a terminologist editing an
/// entry (a new variant) that a reader sees at once, the form's errors, and importing a file.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { addUser, signIn } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { hydrated, newContext, SEED, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("glossary (Chromium)", () => {
  const env = serverAndBrowser();
  let terminologistToken: string;
  beforeAll(async () => {
    await addUser(env.server.dataDir, "terri", "terminologist");
    terminologistToken = await signIn(env.server.url, "terri");
  });

  async function open(path: string, token?: string): Promise<Page> {
    const context = await newContext(env.browser);
    if (token) await context.addCookies([{ name: "vv_session", value: token, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}${path}`);
    return page;
  }

  const rowIds = (page: Page) => page.locator("tr[data-entry]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-entry")));

  it("a reader searches without accents, finds the entry, and reads its concordance", async () => {
    const page = await open("/");
    try {
      await page.getByRole("link", { name: "Glossary" }).click();
      await page.waitForURL(`${env.server.url}/glossary`);
      expect((await rowIds(page)).length).toBeGreaterThan(40);

      await page.getByLabel("Search terms").fill("controle");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/glossary\?q=controle$/);
      const ids = await rowIds(page);
      expect(ids).toContain("export-controls");
      expect(ids.length).toBeLessThan(10);
      expect(await page.locator(".result-count").innerText()).toMatch(/found for “controle”/);

      // A deprecated variant: found, and said to be deprecated in words.
      await page.getByLabel("Search terms").fill("jeton");
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/q=jeton$/);
      expect(await rowIds(page)).toEqual(["chip"]);
      expect(await page.locator('tr[data-entry="chip"] .found-by').innerText()).toBe("jeton (French, deprecated)");

      await page.locator('tr[data-entry="chip"] a.entry-link').click();
      await page.waitForURL(`${env.server.url}/glossary/chip`);
      expect(await page.locator("h1").innerText()).toBe("puce · chip");
      expect(await page.locator('li.gl-term-row[data-term="jeton"] .status-label').innerText()).toBe("deprecated");
      const line = page.locator('.concordance-line[data-position="1"]');
      expect(await line.locator(".side-fr mark").first().innerText()).toMatch(/^puces?$/i);
      expect(await line.locator(".side-en mark").first().innerText()).toMatch(/^chips?$/i);
      expect(await line.locator(".concordance-where a").getAttribute("href")).toBe(`/documents/${SEED}#p-2`);
    } finally {
      await page.context().close();
    }
  });

  it("a terminologist adds a variant; a reader sees it at once, with its new occurrences", async () => {
    const reader = await open("/glossary/bottleneck");
    const editor = await open("/glossary/bottleneck/edit", terminologistToken);
    try {
      expect(await reader.locator('li.gl-term-row[data-term="obstacle"]').count()).toBe(0);
      const linesBefore = await reader.locator(".concordance-line").count();

      await hydrated(editor, "form.entry-form");
      await editor.locator("#add-term-en").click();
      const row = editor.locator('li.term-row-form[data-lang="en"]').last();
      // The new row's text box has the focus: type straight away.
      await editor.keyboard.type("obstacle");
      expect(await row.getByLabel("Term", { exact: true }).inputValue()).toBe("obstacle");
      expect(await row.getByLabel("Status").inputValue()).toBe("admitted");
      await row.getByLabel("Part of speech").selectOption("noun");
      await row.getByLabel("Note on the term").fill("Looser: any hindrance.");
      await editor.getByRole("button", { name: "Save changes" }).click();
      await editor.waitForURL(`${env.server.url}/glossary/bottleneck?saved=1`);
      await editor.locator('li.gl-term-row[data-term="obstacle"]').waitFor();
      // The entry's page confirms the save, naming the new version.
      expect(await editor.locator('.notice.ok[role="status"]').innerText()).toMatch(/^Entry saved \(version \d+\)\.$/);

      await reader.reload();
      const term = reader.locator('li.gl-term-row[data-term="obstacle"]');
      await term.waitFor();
      expect(await term.innerText()).toMatch(/obstacle\s+admitted\s+noun/);
      expect(await reader.locator(".entry-history tbody tr").first().innerText()).toMatch(/terri\s+edited/);
      // "mounting obstacles" and "immediate obstacles" are now occurrences of the entry.
      const marks = await reader.locator(".concordance .side-en mark").allInnerTexts();
      expect(marks).toContain("obstacles");
      expect(await reader.locator(".concordance-line").count()).toBeGreaterThan(linesBefore);

      // Searching finds the entry by its new variant.
      await reader.goto(`${env.server.url}/glossary?q=obstacles`);
      expect(await rowIds(reader)).toEqual(["bottleneck"]);
    } finally {
      await reader.context().close();
      await editor.context().close();
    }
  });

  it("the new-entry form shows the API's error for a taken id, then creates the entry", async () => {
    const page = await open("/glossary", terminologistToken);
    try {
      await page.getByRole("link", { name: "Add entry" }).click();
      await page.waitForURL(`${env.server.url}/glossary/new`);
      await hydrated(page, "form.entry-form");
      await page.getByLabel("Identifier").fill("chip");
      await page.locator('li.term-row-form[data-lang="fr"]').getByLabel("Term", { exact: true }).fill("plaquette");
      await page.locator('li.term-row-form[data-lang="en"]').getByLabel("Term", { exact: true }).fill("wafer");
      await page.getByRole("button", { name: "Create entry" }).click();
      expect(await page.locator(".entry-form .notice.error").innerText()).toBe("An entry with the identifier “chip” exists already.");

      // A second French row, then removed again: only what is left is saved.
      await page.locator("#add-term-fr").click();
      await page.keyboard.type("galette");
      expect(await page.locator('li.term-row-form[data-lang="fr"]').count()).toBe(2);
      await page.getByRole("button", { name: "Remove French, term 2" }).click();
      expect(await page.locator('li.term-row-form[data-lang="fr"]').count()).toBe(1);

      await page.getByLabel("Identifier").fill("wafer");
      await page.getByLabel("Subject field").fill("semiconductors");
      await page.getByRole("button", { name: "Create entry" }).click();
      await page.waitForURL(`${env.server.url}/glossary/wafer?saved=1`);
      expect(await page.locator("h1").innerText()).toBe("plaquette · wafer");
      expect(await page.locator(".gl-term-row").count()).toBe(2);
      expect(await page.locator(".entry-history tbody tr").first().innerText()).toMatch(/terri\s+created/);
    } finally {
      await page.context().close();
    }
  });

  it("a terminologist imports a CSV file and the list shows the new entry", async () => {
    const page = await open("/glossary", terminologistToken);
    try {
      await hydrated(page, "form.glossary-import");
      await page.locator("details.glossary-import-box > summary").click();
      await page.setInputFiles('input[name="file"]', {
        name: "extra.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Concept ID,Term [fr],Term [en]\nfoundry,fonderie,foundry\n", "utf8"),
      });
      await page.getByRole("button", { name: "Import", exact: true }).click();
      const notice = page.locator(".glossary-import .notice.ok");
      await notice.waitFor();
      expect(await notice.innerText()).toBe("Imported extra.csv: 1 new, 0 updated, 0 unchanged, 0 kept as edited here.");
      await page.locator('tr[data-entry="foundry"]').waitFor();

      await page.setInputFiles('input[name="file"]', {
        name: "bad.tbx",
        mimeType: "application/xml",
        buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><martif/>', "utf8"),
      });
      await page.getByRole("button", { name: "Import", exact: true }).click();
      const error = page.locator(".glossary-import .notice.error");
      await error.waitFor();
      expect(await error.innerText()).toMatch(/^Nothing was imported: bad\.tbx cannot be read: Line 1: DOCTYPE declarations are not allowed/);
    } finally {
      await page.context().close();
    }
  });
});

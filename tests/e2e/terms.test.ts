/// Glossary terms in the reader, in real Chromium: underlined on both sides, the card, the
/// counterpart highlighted, the toggle, and a glossary fix one click from a prefilled suggestion.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { addUser, signIn } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { newContext, readerReady, SEED, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("glossary terms in the reader (Chromium)", () => {
  const env = serverAndBrowser();

  async function open(session?: string): Promise<Page> {
    const context = await newContext(env.browser);
    if (session) await context.addCookies([{ name: "vv_session", value: session, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/documents/${SEED}`);
    await readerReady(page);
    return page;
  }

  it("underlines terms on both sides and opens a card with translations, definitions and counts", async () => {
    const page = await open();
    try {
      const fr = page.locator('#p-2 .cell.fr .term[data-entry="export-controls"]').first();
      const en = page.locator('#p-2 .cell.en .term[data-entry="export-controls"]').first();
      expect(await fr.innerText()).toMatch(/^contrôles/);
      expect(await en.innerText()).toMatch(/^export controls$/i);
      await fr.click();
      const card = page.locator('.term-card[data-entry="export-controls"]');
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain("export controls");
      expect(text).toMatch(/\d+ occurrences? in this document, \d+ occurrences? in the corpus/);
      expect(text).toMatch(/Definition \(French\)/);
      // The counterpart in the English paragraph stands out while the card is open.
      await page.waitForFunction(() => document.querySelector('#p-2 .cell.en .term[data-entry="export-controls"]')?.classList.contains("counterpart"));
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "detached" });
    } finally {
      await page.context().close();
    }
  });

  it("hides the underlines with the toggle, and remembers it", async () => {
    const page = await open();
    try {
      expect(await page.locator(".cell .term").count()).toBeGreaterThan(10);
      await page.locator("button.terms-toggle").click();
      expect(await page.locator(".cell .term").count()).toBe(0);
      await page.reload();
      await readerReady(page);
      expect(await page.locator(".cell .term").count()).toBe(0);
      await page.locator("button.terms-toggle").click();
      expect(await page.locator(".cell .term").count()).toBeGreaterThan(10);
    } finally {
      await page.context().close();
    }
  });

  it("offers a flagged term's fix as a prefilled suggestion to a corrector", async () => {
    // The glossary flags are rules of the check registry; admitted variants are off by default
    // (they measured under 50 % precision): a reviewer switches them on for this document.
    await addUser(env.server.dataDir, "terms-reviewer", "reviewer");
    const reviewer = await signIn(env.server.url, "terms-reviewer");
    const on = await fetch(`${env.server.url}/api/documents/${SEED}/checks/rules`, {
      method: "PUT",
      headers: { cookie: `vv_session=${reviewer}`, origin: env.server.url, "content-type": "application/json" },
      body: JSON.stringify({ rule: "glossary/admitted-variant", enabled: true }),
    });
    expect(on.status).toBe(200);
    await addUser(env.server.dataDir, "terms-corrector", "corrector");
    const page = await open(await signIn(env.server.url, "terms-corrector"));
    try {
      // "Sud mondial" is an admitted variant of "Sud global" (the preferred term) in the shipped glossary.
      const flagged = page.locator(".cell.fr .term.flagged").first();
      await flagged.click();
      const fix = page.locator(".term-card .term-flag button");
      await fix.waitFor();
      const label = await fix.innerText();
      await fix.click();
      const editor = page.locator('[data-testid="suggestion-editor"]');
      await editor.waitFor();
      // The fix is already typed in, shown as a tracked change, with the terminology category chosen.
      expect(await page.locator(".vv-ins").count()).toBeGreaterThan(0);
      expect(label).toContain(await page.locator(".vv-ins").first().innerText());
      expect(await page.locator("select[name=category]").inputValue()).toBe("terminology");
    } finally {
      await page.context().close();
    }
  });
});

/// The reading views in real Chromium: a visitor reads the clean text (no suggestion marks,
/// flags or lists); the choice of view and of showing the English survive a reload; the
/// original view shows the machine translation as imported, its corrected paragraphs marked.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumAvailable } from "../support/browser";
import { call } from "../support/corrections";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, serverAndBrowser, screenshot } from "./helpers";

const MARKS = ".sug-mark, .flag-mark, .suggestion-list, .flag-list";
const count = (page: Page, selector: string) => page.locator(selector).count();

describeIfAvailable("Chromium", chromiumAvailable())("reading views (Chromium)", () => {
  const env = serverAndBrowser();

  it("gives a visitor the clean text, switches to suggestions in one click and remembers the choice", async () => {
    const context = await newContext(env.browser, { locale: "en-US" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      expect(await page.getAttribute(".reader", "data-view")).toBe("clean");
      expect(await count(page, MARKS)).toBe(0);
      expect(await page.locator(".view-switch button[aria-pressed=true]").innerText()).toBe("Clean");
      await screenshot(page, "clean-en-1366");

      await page.locator(".view-switch button[data-view=suggestions]").click();
      await page.locator(".sug-mark").first().waitFor();
      expect(await count(page, ".suggestion-list")).toBeGreaterThan(0);
      await page.reload();
      await readerReady(page);
      expect(await page.getAttribute(".reader", "data-view")).toBe("suggestions");
      expect(await count(page, ".sug-mark")).toBeGreaterThan(0);

      await page.locator(".view-switch button[data-view=clean]").click();
      await page.waitForFunction(() => !document.querySelector(".sug-mark, .suggestion-list"));
      await page.reload();
      await readerReady(page);
      expect(await page.getAttribute(".reader", "data-view")).toBe("clean");
      expect(await count(page, MARKS)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("hides and shows the English side in any view, remembered after a reload", async () => {
    const context = await newContext(env.browser, { locale: "fr-FR" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      const english = page.locator(".row .cell.en").first();
      expect(await english.isVisible()).toBe(true);
      const toggle = page.locator(".english-toggle");
      expect(await toggle.innerText()).toBe("Masquer l’anglais");
      await toggle.click();
      await english.waitFor({ state: "hidden" });
      expect(await toggle.getAttribute("aria-checked")).toBe("false");
      await page.locator(".view-switch button[data-view=suggestions]").click();
      await page.locator(".sug-mark").first().waitFor();
      expect(await english.isVisible()).toBe(false);
      await page.reload();
      await readerReady(page);
      expect(await english.isVisible()).toBe(false);
      expect(await page.locator(".english-toggle").innerText()).toBe("Afficher l’anglais");
      await screenshot(page, "suggestions-no-english-fr-1366");
      await page.locator(".english-toggle").click();
      await english.waitFor({ state: "visible" });
      expect(await page.getAttribute(".reader", "data-layout")).toBe("side");
      await page.locator(".view-switch button[data-view=clean]").click();
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "clean-fr-390");
    } finally {
      await context.close();
    }
  });

  it("shows the machine translation as imported, each corrected paragraph marked", async () => {
    const { body } = await call(env.server.url, "GET", `/api/documents/${SEED}/originals`);
    const [position, original] = Object.entries(body.originals as Record<string, string>)[0];
    const context = await newContext(env.browser, { locale: "en-US" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      const cell = page.locator(`.para[data-lang=fr][data-position="${position}"]`);
      const current = await cell.innerText();
      expect(current).not.toBe(original);
      await page.locator(".view-switch button[data-view=original]").click();
      await cell.locator(".changed-mark").waitFor();
      expect((await cell.innerText()).replace(/^≠\s*/, "")).toBe(original);
      expect(await count(page, MARKS)).toBe(0);
      expect(await count(page, ".changed-mark")).toBe(Object.keys(body.originals).length);
      // The mark opens the paragraph's history, where the changes are listed.
      await cell.locator(".changed-mark").click();
      await page.locator(".history-panel").first().waitFor();
      await screenshot(page, "original-en-1366");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "original-en-390");
    } finally {
      await context.close();
    }
  });
});

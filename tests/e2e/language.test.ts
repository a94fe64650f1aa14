/// The interface language in real Chromium: the header's switcher, the browser's own language,
/// and the not-found page.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { SEED, WAIT_MS, hydrated, newContext, readerReady, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("interface language (Chromium)", () => {
  const env = serverAndBrowser();

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  const visible = (page: Page, text: string) => page.getByText(text, { exact: true }).first().isVisible();

  it("switches to French from the header, re-rendering the page, and stays French after a reload", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      expect(await htmlLang(page)).toBe("en");
      expect(await page.locator(".breadcrumb a").innerText()).toBe("← All documents");

      await hydrated(page, "button[data-lang=fr]");
      await page.click("button[data-lang=fr]");
      await page.waitForFunction(() => document.documentElement.lang === "fr", undefined, { timeout: WAIT_MS });
      await page.waitForFunction(() => document.querySelector(".breadcrumb a")?.textContent === "← Tous les documents", undefined, {
        timeout: WAIT_MS,
      });
      // Server-rendered parts and client components alike are in French.
      expect(await page.locator(".site-header .account").innerText()).toContain("Se connecter");
      expect(await visible(page, "Côte à côte")).toBe(true);
      expect(await visible(page, "Français seul")).toBe(true);
      expect(await page.getAttribute("button[data-lang=fr]", "aria-pressed")).toBe("true");
      expect(await page.getAttribute("button[data-lang=en]", "aria-pressed")).toBe("false");
      // The reader's place survives: still the same document, rows intact.
      expect(await page.locator("li.row").count()).toBe(14);
      expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("fr");

      await page.reload();
      expect(await htmlLang(page)).toBe("fr");
      expect(await page.locator(".breadcrumb a").innerText()).toBe("← Tous les documents");
      expect(await visible(page, "Côte à côte")).toBe(true);

      // And back to English.
      await hydrated(page, "button[data-lang=en]");
      await page.click("button[data-lang=en]");
      await page.waitForFunction(() => document.documentElement.lang === "en", undefined, { timeout: WAIT_MS });
      await page.waitForFunction(() => document.querySelector(".breadcrumb a")?.textContent === "← All documents", undefined, {
        timeout: WAIT_MS,
      });
      expect(await visible(page, "Side by side")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("keeps the keyboard working after switching language", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      await hydrated(page, "button[data-lang=fr]");
      await page.click("button[data-lang=fr]");
      await page.waitForFunction(() => document.querySelector(".breadcrumb a")?.textContent === "← Tous les documents", undefined, {
        timeout: WAIT_MS,
      });
      await page.locator("body").click({ position: { x: 5, y: 5 } }); // leave the switcher's button
      await page.keyboard.press("j");
      expect(await page.evaluate(() => [document.activeElement?.id, location.hash])).toEqual(["p-1", "#p-1"]);
    } finally {
      await context.close();
    }
  });

  it("speaks French to a browser set to French", async () => {
    const context = await newContext(env.browser, { locale: "fr-FR" });
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.url}/`);
      expect(await htmlLang(page)).toBe("fr");
      expect(await page.locator(".paragraph-count").first().innerText()).toBe("14 paragraphes");
      expect(await page.getAttribute("button[data-lang=fr]", "aria-pressed")).toBe("true");
    } finally {
      await context.close();
    }
  });

  it("shows the not-found page, in French for a French reader, for an unknown document", async () => {
    const context = await newContext(env.browser);
    await context.addCookies([{ name: "lang", value: "fr", url: env.server.url }]);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${env.server.url}/documents/no-such-document`);
      expect(response?.status()).toBe(404);
      await page.getByText("Cette page ou ce document n’existe pas.").waitFor();
      expect(await page.locator("main h1").innerText()).toBe("Introuvable");
      expect(await htmlLang(page)).toBe("fr");
      await page.getByRole("link", { name: "Tous les documents" }).click();
      await page.waitForURL(`${env.server.url}/`);
      expect(await page.locator(".document-card").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

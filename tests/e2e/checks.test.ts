/// Automatic checks in real Chromium: a reviewer opens the seed document, sees its flags in the
/// text, under their paragraphs and in the document's panel, turns one into a suggestion (the
/// editor opens with the fix typed in, category and severity from the rule), dismisses another
/// with a reason, reloads, and finds it still dismissed — with who and why.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { sessionCookieFor } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { SEED, hydrated, newContext, readerReady, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("automatic checks (Chromium)", () => {
  const env = serverAndBrowser();
  let cookie: string;

  beforeAll(async () => {
    cookie = await sessionCookieFor(env.server, "rhea", "reviewer");
  });

  async function openDocument(page: Page) {
    const response = await page.goto(`${env.server.url}/documents/${SEED}`);
    expect(response?.status()).toBe(200);
    await readerReady(page);
    await page.waitForSelector(".review-bar .live.live-live");
  }

  const openCount = async (page: Page) => Number((await page.locator("[data-testid=open-flags]").innerText()).match(/\d+/)![0]);

  it("shows flags, turns one into a suggestion, and keeps a dismissal with its reason across a reload", async () => {
    const context = await newContext(env.browser, { locale: "en-US" });
    await context.addCookies([{ name: "vv_session", value: cookie.replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    try {
      await openDocument(page);
      // The Grammalecte pass runs in the background after the import; its flags arrive live.
      await page.waitForSelector('#flags-panel .checks-job:is([data-job="done"], [data-job="unavailable"], [data-job="failed"])', { timeout: 90_000 });
      const items = page.locator(".row .flag-list .flag-item:not(.dismissed)");
      expect(await items.count()).toBeGreaterThan(0);
      // The reviewer switches on the rules that are off by default: their flags show at once.
      const first = await openCount(page);
      const off = page.locator("#flags-panel .checks-rules input[type=checkbox]:not(:checked):not(:disabled)");
      expect(await off.count()).toBeGreaterThan(0);
      await page.locator("#flags-panel .checks-rules summary").click();
      while ((await off.count()) > 0) {
        const n = await off.count();
        await off.first().click();
        await page.waitForFunction((k) => document.querySelectorAll("#flags-panel .checks-rules input[type=checkbox]:not(:checked):not(:disabled)").length < k, n);
      }
      await page.waitForFunction((k) => Number(document.querySelector("[data-testid=open-flags]")?.textContent?.match(/\d+/)?.[0]) > k, first);
      // Flags are listed under their paragraphs and counted in the document's panel.
      const before = await openCount(page);
      expect(before).toBe(await items.count());
      expect(await page.locator("#flags-panel .checks-flags li").count()).toBe(before);

      // One click on a flag's fix opens the editor with it typed in and the rule's category.
      const fixable = page.locator(".row .flag-item:not(.dismissed):has(button.flag-suggest)").first();
      const fixedKey = (await fixable.getAttribute("data-flag"))!;
      const row = fixable.locator("xpath=ancestor::li[contains(@class,'row')]");
      const rowId = (await row.getAttribute("id"))!;
      const label = await fixable.locator("button.flag-suggest").innerText();
      await hydrated(page, `[data-flag="${fixedKey}"] button.flag-suggest`);
      await fixable.locator("button.flag-suggest").click();
      await page.waitForSelector('[data-testid="suggestion-editor"]');
      const inserted = await page.locator(".vv-ins").first().innerText();
      expect(label).toContain(inserted.trim());
      expect(await page.locator("select[name=category]").inputValue()).not.toBe("");
      await page.keyboard.press("Control+Enter");
      await page.waitForSelector('[data-testid="suggestion-editor"]', { state: "detached" });
      await page.waitForSelector(`#${rowId} li.suggestion-card`);
      // The flag now says its fix is suggested (or, for the learned rule, which skips spans that
      // carry the same fix, is gone) instead of offering it again.
      await page.waitForFunction(
        (k) => !document.querySelector(`[data-flag="${k}"]`) || !!document.querySelector(`[data-flag="${k}"] .flag-actions .muted`),
        fixedKey,
      );

      // Dismiss another flag, with a reason.
      const other = page.locator(`.row .flag-item:not(.dismissed):not([data-flag="${fixedKey}"])`).first();
      const key = (await other.getAttribute("data-flag"))!;
      await other.locator("button.flag-dismiss").click();
      await other.locator(".flag-dismiss-form input").fill("The glossary allows it here");
      await other.locator(".flag-dismiss-form button[type=submit]").click();
      await page.waitForSelector(`.flag-item.dismissed[data-flag="${key}"]`);
      expect(await openCount(page)).toBe(before - 1);

      // Reload: still dismissed, saying who and why.
      await openDocument(page);
      const dismissed = page.locator(`.flag-item[data-flag="${key}"]`);
      expect(await dismissed.getAttribute("class")).toContain("dismissed");
      const text = await dismissed.locator(".flag-dismissal").innerText();
      expect(text).toContain("rhea");
      expect(text).toContain("The glossary allows it here");
      expect(await openCount(page)).toBe(before - 1);
      // The panel lists it among the dismissed ones on demand.
      await page.locator("#flags-panel .show-dismissed input").check();
      expect(await page.locator("#flags-panel .checks-flags li").count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("marks flags in the French text apart from terms and suggestions, and a mark leads to its flag", async () => {
    // (The first test switched every rule on for the seed.)
    const context = await newContext(env.browser, { locale: "en-US" });
    // A visitor reads the clean text by default: flags are drawn in the suggestions view.
    await context.addCookies([{ name: "view", value: "suggestions", url: env.server.url }]);
    const page = await context.newPage();
    try {
      await openDocument(page);
      const marks = page.locator(".cell.fr .flag-mark");
      const flagged = page.locator(".cell.fr .term.flagged");
      expect((await marks.count()) + (await flagged.count())).toBeGreaterThan(0);
      if ((await marks.count()) > 0) {
        const mark = marks.first();
        expect(await mark.evaluate((el) => el.closest(".sug-mark, .term"))).toBeNull();
        const key = (await mark.getAttribute("data-flag"))!.split(" ")[0];
        await hydrated(page, ".cell.fr .flag-mark");
        await mark.click();
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-flag"))).toBe(key);
      }
      // A visitor reads the flags but is offered neither fixes nor dismissals.
      expect(await page.locator(".flag-item").count()).toBeGreaterThan(0);
      expect(await page.locator(".flag-item button").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/// Mentions in real Chromium: a reviewer types "@co", picks the corrector's name from the list
/// the comment box offers, and sends; the corrector's bell, in another browser, counts it within
/// seconds without a reload, lists it, and leads to the suggestion with the mention highlighted.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { sessionCookieFor } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { SEED, hydrated, newContext, readerReady, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("notifications (Chromium)", () => {
  const env = serverAndBrowser();
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    cookies.cora = await sessionCookieFor(env.server, "cora", "corrector");
    cookies.rev = await sessionCookieFor(env.server, "rev", "reviewer");
  });

  async function openAs(name: string): Promise<Page> {
    const context = await newContext(env.browser, { locale: "en-US" });
    await context.addCookies([{ name: "vv_session", value: cookies[name].replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/documents/${SEED}`);
    await readerReady(page);
    await hydrated(page, ".bell-button");
    return page;
  }

  it("reaches the mentioned person's bell live and leads to the suggestion", async () => {
    const [cora, rev] = await Promise.all([openAs("cora"), openAs("rev")]);
    try {
      expect(await cora.locator(".bell-button").getAttribute("data-unread")).toBe("0");
      const card = rev.locator("li.suggestion-card").first();
      const id = await card.getAttribute("data-suggestion");
      const box = card.locator(".comment-form input[name=text]");
      await box.click();
      await box.pressSequentially("Please check this, @co");
      await rev.waitForSelector(".mention-options [role=option]:has-text('@cora')");
      await box.press("Enter");
      expect(await box.inputValue()).toBe("Please check this, @cora ");
      await box.press("Enter");
      await rev.waitForSelector(`li.suggestion-card[data-suggestion="${id}"] .thread mark.mention:has-text('@cora')`);

      // Live: no reload on cora's side.
      await cora.waitForSelector(".bell-button[data-unread='1']", { timeout: 6_000 });
      expect(await cora.locator(".bell-button").getAttribute("aria-label")).toBe("Notifications: 1 unread");
      await cora.locator(".bell-button").click();
      const item = cora.locator(".notification.unread").first();
      expect(await item.getAttribute("data-kind")).toBe("mention");
      expect(await item.locator(".notification-what").innerText()).toBe("rev mentioned you");
      expect(await item.locator(".notification-excerpt").innerText()).toBe("Please check this, @cora");
      expect(await item.locator("a").getAttribute("href")).toBe(`/documents/${SEED}#s-${id}`);
      await item.locator("a").click();
      await cora.waitForSelector(".bell-button[data-unread='0']");
      expect(new URL(cora.url()).hash).toBe(`#s-${id}`);
      expect(await cora.locator(`#s-${id} .thread mark.mention`).innerText()).toBe("@cora");
    } finally {
      await Promise.all([cora.context().close(), rev.context().close()]);
    }
  });
});

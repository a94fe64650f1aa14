/// The "?" panel in real Chromium: typing "?" lists every shortcut (reader, review, editor) in the
/// interface language; "?" or Escape closes it; typing "?" in a text field does not open it.
import { expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("keyboard shortcuts panel (Chromium)", () => {
  const env = serverAndBrowser();

  it.each([
    ["en-US", "Keyboard shortcuts", "Accept the focused suggestion (reviewers)"],
    ["fr-FR", "Raccourcis clavier", "Accepter la suggestion sélectionnée (réviseurs)"],
  ])("opens on ? and lists every section (%s)", async (locale, title, accept) => {
    const context = await newContext(env.browser, { locale });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      const dialog = page.locator("dialog.shortcuts-dialog");
      expect(await dialog.isVisible()).toBe(false);
      await page.keyboard.press("?");
      await dialog.waitFor({ state: "visible" });
      expect(await dialog.locator("h2").innerText()).toBe(title);
      expect(await dialog.locator("section").evaluateAll((s) => s.map((x) => (x as HTMLElement).dataset.section))).toEqual(["reader", "review", "editor"]);
      expect(await dialog.innerText()).toContain(accept);
      expect(await dialog.locator("kbd", { hasText: "Ctrl+Enter" }).count()).toBe(1);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      await page.locator(".shortcuts-button").click();
      await dialog.waitFor({ state: "visible" });
      await page.keyboard.press("?");
      await dialog.waitFor({ state: "hidden" });
    } finally {
      await context.close();
    }
  });
});

/// The suggestion editor's undo and redo in real Chromium: typing is undone by pauses, redo
/// brings it back (Ctrl+Shift+Z and Ctrl+Y), a new change after an undo drops the redo, and
/// Enter never breaks the paragraph.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { rowsOf } from "../support/corrections";
import { sessionCookieFor } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, selectInEditor, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("suggestion editor history (Chromium)", () => {
  const env = serverAndBrowser();
  let cookie: string;
  beforeAll(async () => {
    cookie = await sessionCookieFor(env.server, "corinne", "corrector");
  });

  it("undoes typing by pauses, redoes it, forgets the redo after a new change, and ignores Enter", async () => {
    const found = (await rowsOf(env.server.url, SEED)).find((r) => r.fr.includes("obstacle insurmontable"))!;
    const row = `p-${found.position + 1}`;
    const context = await newContext(env.browser, { locale: "en-US" });
    await context.addCookies([{ name: "vv_session", value: cookie.replace(/^vv_session=/, ""), url: env.server.url }]);
    const page: Page = await context.newPage();
    try {
      await page.goto(`${env.server.url}/documents/${SEED}`);
      await readerReady(page);
      await page.locator(`#${row} .row-tools button`, { hasText: "Correct" }).click();
      const editor = page.locator(`#${row} [data-testid=suggestion-editor]`);
      await editor.waitFor();
      /// The draft as the editor holds it (struck-out original words left aside), and the count.
      const draft = () =>
        editor.evaluate((el) => [...el.querySelectorAll("p")].map((p) => [...p.childNodes].filter((n) => n.nodeName !== "DEL").map((n) => n.textContent).join("")).join("\n"));
      const count = async (n: number) => page.waitForSelector(`#${row} .vv-change-count[data-count="${n}"]`);

      await selectInEditor(page, row, "insurmontable");
      await page.keyboard.type("infranchissable");
      await count(1);
      await page.waitForTimeout(900); // a pause: what follows is another undo step
      await selectInEditor(page, row, "obstacle");
      await page.keyboard.type("frein");
      await count(2);
      expect(await draft()).toContain("un frein infranchissable");

      await page.keyboard.press("Control+z");
      await count(1);
      expect(await draft()).toContain("un obstacle infranchissable");
      await page.keyboard.press("Control+z");
      await count(0);
      expect(await draft()).toBe(found.fr);
      await page.keyboard.press("Control+Shift+z");
      await count(1);
      expect(await draft()).toContain("un obstacle infranchissable");
      await page.keyboard.press("Control+y");
      await count(2);
      expect(await draft()).toContain("un frein infranchissable");

      // Enter does not split the paragraph, and is no change at all.
      await page.keyboard.press("Enter");
      expect(await editor.locator("p").count()).toBe(1);
      expect(await draft()).toContain("un frein infranchissable");

      // A new change after an undo: redo has nothing left.
      await page.keyboard.press("Control+z");
      await count(1);
      await page.keyboard.type("x");
      await count(2);
      const typed = await draft();
      await page.keyboard.press("Control+y");
      expect(await draft()).toBe(typed);
      // The editor is still open and the draft still sendable.
      expect(await editor.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

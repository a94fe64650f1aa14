/// The to-do list in real Chromium: a shared URL opens the reader with the list filtered; `]`
/// and `[` walk the filtered suggestions across paragraphs, each step selecting the row and
/// focusing the card; a filter chosen in the panel lands in the URL.
import { expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { sessionCookieFor } from "../support/accounts";
import { proposeReplacement, rowsOf, wordOnceIn } from "../support/corrections";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, readerState, serverAndBrowser, screenshot, WAIT_MS } from "./helpers";


describeIfAvailable("Chromium", chromiumAvailable())("to-do list (Chromium)", () => {
  const env = serverAndBrowser();

  it("walks a filtered set across paragraphs with ] and [, from a URL one can share", async () => {
    const cora = await sessionCookieFor(env.server, "cora", "corrector");
    const rev = await sessionCookieFor(env.server, "rev", "reviewer");
    const rows = await rowsOf(env.server.url, SEED, cora);
    const ids: number[] = [];
    for (const position of [9, 3, 5]) {
      const word = wordOnceIn(rows[position].fr);
      const severity = position === 5 ? "minor" : "critical";
      ids.push((await proposeReplacement(env.server.url, SEED, cora, position, ` ${word} `, ` ${word}x `, { category: "fluency/spelling", severity })).id);
    }
    const [in9, in3] = ids;
    const context = await newContext(env.browser, { locale: "en-US" });
    try {
      await context.addCookies([{ name: "vv_session", value: rev.replace(/^vv_session=/, ""), url: env.server.url }]);
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}?author=cora&severity=critical`);
      await readerReady(page);
      const panel = page.locator(".todo-panel");
      await panel.locator(".todo-item").nth(1).waitFor();
      // In reading order: paragraph 3 before paragraph 9; the minor one is filtered out.
      expect(await panel.locator(".todo-item").evaluateAll((l) => l.map((x) => (x as HTMLElement).dataset.anchor))).toEqual([`s-${in3}`, `s-${in9}`]);
      expect(await panel.locator("select[name=author] option[value=cora]").innerText()).toBe("cora (2)");
      expect(await panel.locator("select[name=severity] option[value=minor]").innerText()).toBe("minor (1)");
      await screenshot(page, "todo-en-1366");

      await page.keyboard.press("]");
      await page.waitForFunction((id) => document.activeElement?.id === `s-${id}`, in3, { timeout: WAIT_MS });
      let state = await readerState(page);
      expect(state.hash).toBe(`#s-${in3}`);
      expect(state.current).toEqual(["p-4"]);
      expect(await panel.locator(".todo-item.current").getAttribute("data-anchor")).toBe(`s-${in3}`);

      await page.keyboard.press("]");
      await page.waitForFunction((id) => document.activeElement?.id === `s-${id}`, in9, { timeout: WAIT_MS });
      state = await readerState(page);
      expect(state.current).toEqual(["p-10"]);

      await page.keyboard.press("[");
      await page.waitForFunction((id) => document.activeElement?.id === `s-${id}`, in3, { timeout: WAIT_MS });
      expect((await readerState(page)).current).toEqual(["p-4"]);

      // A new suggestion matching the filter joins the list live.
      const word = wordOnceIn(rows[7].fr);
      const live = (await proposeReplacement(env.server.url, SEED, cora, 7, ` ${word} `, ` ${word}x `, { category: "fluency/spelling", severity: "critical" })).id;
      await panel.locator(`.todo-item[data-anchor="s-${live}"]`).waitFor();
      expect(await panel.locator(".todo-item").count()).toBe(3);

      // A reviewer's own change of filter is kept in the URL, to be shared.
      await panel.locator("select[name=severity]").selectOption("minor");
      await panel.locator(`.todo-item[data-anchor="s-${ids[2]}"]`).waitFor();
      expect(new URL(page.url()).searchParams.get("severity")).toBe("minor");
      expect(new URL(page.url()).searchParams.get("author")).toBe("cora");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "todo-en-390");
    } finally {
      await context.close();
    }
  });

  it("lists the to-do keys in the ? panel, in French too", async () => {
    const context = await newContext(env.browser, { locale: "fr-FR" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/documents/${SEED}?todo`);
      await readerReady(page);
      await page.locator(".todo-panel h2").waitFor();
      expect(await page.locator(".todo-panel h2").innerText()).toBe("Liste à traiter");
      await screenshot(page, "todo-fr-1366");
      await page.keyboard.press("?");
      const dialog = page.locator("dialog.shortcuts-dialog");
      await dialog.waitFor({ state: "visible" });
      expect(await dialog.innerText()).toContain("Élément suivant de la liste à traiter");
    } finally {
      await context.close();
    }
  });
});

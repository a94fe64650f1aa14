/// The reader in real Chromium: rows, hover highlighting, keyboard navigation, links to a
/// paragraph, the layouts and how they adapt to a phone-size window.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { SEED, box, newContext, overlapX, readerReady, readerState, serverAndBrowser, settledBackground } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("reader (Chromium)", () => {
  const env = serverAndBrowser();

  async function openReader(path = `/documents/${SEED}`, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const context = await newContext(env.browser, { viewport });
    const page = await context.newPage();
    const response = await page.goto(env.server.url + path);
    expect(response?.status()).toBe(200);
    await readerReady(page);
    return page;
  }

  it("shows the seed document's 14 rows, French beside English", async () => {
    const page = await openReader();
    try {
      expect(await page.locator("li.row").count()).toBe(14);
      expect(await page.locator("li.row").evaluateAll((rows) => rows.map((r) => r.id))).toEqual(
        Array.from({ length: 14 }, (_, i) => `p-${i + 1}`),
      );
      expect(await page.locator('li.row .cell[lang="fr"]:visible').count()).toBe(14);
      expect(await page.locator('li.row .cell[lang="en"]:visible').count()).toBe(14);
      expect(await page.locator("#p-3 .cell.fr").innerText()).toContain("comblé l'écart");
    } finally {
      await page.context().close();
    }
  });

  it("highlights a row's English cell while its French cell is hovered, and the French cell for the English", async () => {
    const page = await openReader();
    try {
      const plain = await settledBackground(page, "#p-3 .cell.en");
      const otherPlain = await settledBackground(page, "#p-4 .cell.en");
      expect(plain).toBe(otherPlain);

      await page.hover("#p-3 .cell.fr");
      const highlighted = await settledBackground(page, "#p-3 .cell.en");
      expect(highlighted).not.toBe(plain);
      expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");
      expect(await settledBackground(page, "#p-4 .cell.en")).toBe(otherPlain); // a row not hovered stays plain
      const frHighlighted = await settledBackground(page, "#p-3 .cell.fr");
      expect(frHighlighted).not.toBe(await settledBackground(page, "#p-4 .cell.fr"));

      // Hovering the English side lights up the French one, and the first row goes back to plain.
      const frPlain = await settledBackground(page, "#p-5 .cell.fr");
      await page.hover("#p-5 .cell.en");
      expect(await settledBackground(page, "#p-5 .cell.fr")).toBe(frHighlighted);
      expect(await settledBackground(page, "#p-5 .cell.fr")).not.toBe(frPlain);
      expect(await settledBackground(page, "#p-3 .cell.en")).toBe(plain);
    } finally {
      await page.context().close();
    }
  });

  it("moves between rows with j/k and the arrow keys, focusing the row and updating the hash", async () => {
    const page = await openReader();
    try {
      expect(await readerState(page)).toEqual({ focused: "", current: [], hash: "" });
      const steps: [string, string][] = [
        ["j", "p-1"],
        ["j", "p-2"],
        ["ArrowDown", "p-3"],
        ["j", "p-4"],
        ["k", "p-3"],
        ["ArrowUp", "p-2"],
        ["k", "p-1"],
        ["k", "p-1"], // the first row stays the first
      ];
      for (const [key, row] of steps) {
        await page.keyboard.press(key);
        expect(await readerState(page), `after ${key}`).toEqual({ focused: row, current: [row], hash: `#${row}` });
      }
      // The current row is highlighted like a hovered one.
      await page.mouse.move(0, 0);
      expect(await settledBackground(page, "#p-1 .cell.en")).not.toBe(await settledBackground(page, "#p-2 .cell.en"));
      // A key with a modifier is left to the browser.
      await page.keyboard.press("Shift+ArrowDown");
      expect((await readerState(page)).current).toEqual(["p-1"]);
    } finally {
      await page.context().close();
    }
  });

  it("follows the keys to the last row and scrolls it into view", async () => {
    const page = await openReader();
    try {
      await page.keyboard.press("k"); // from nowhere, k goes to the last row
      expect(await readerState(page)).toEqual({ focused: "p-14", current: ["p-14"], hash: "#p-14" });
      await page.keyboard.press("j");
      expect((await readerState(page)).current).toEqual(["p-14"]);
      const inView = await page.$eval("#p-14", (el) => {
        const r = el.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      });
      expect(inView).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("leaves keys typed into a text field alone", async () => {
    const page = await openReader();
    try {
      // The reader page has no text field yet (the editor will add some): add one beside the rows.
      await page.evaluate(() => {
        const input = document.createElement("input");
        input.id = "probe";
        input.type = "text";
        document.querySelector(".reader-toolbar")!.append(input);
      });
      await page.click("#probe");
      await page.keyboard.type("jkj");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      expect(await page.inputValue("#probe")).toBe("jkj");
      expect(await readerState(page)).toEqual({ focused: "probe", current: [], hash: "" });
    } finally {
      await page.context().close();
    }
  });

  it("opens /documents/…#p-5 on row 5, focused and current, and carries on from there", async () => {
    const page = await openReader(`/documents/${SEED}#p-5`);
    try {
      await page.waitForFunction(() => document.querySelector("#p-5")?.classList.contains("current"));
      expect(await readerState(page)).toEqual({ focused: "p-5", current: ["p-5"], hash: "#p-5" });
      const top = await page.$eval("#p-5", (el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(768);
      await page.keyboard.press("j");
      expect(await readerState(page)).toEqual({ focused: "p-6", current: ["p-6"], hash: "#p-6" });
    } finally {
      await page.context().close();
    }
  });

  it("makes a row current when its number is clicked, with a link to it, and the keys carry on from there", async () => {
    const page = await openReader();
    try {
      await page.click("#p-3 a.num");
      expect(await readerState(page)).toMatchObject({ current: ["p-3"], hash: "#p-3" });
      await page.keyboard.press("j");
      expect(await readerState(page)).toEqual({ focused: "p-4", current: ["p-4"], hash: "#p-4" });
    } finally {
      await page.context().close();
    }
  });

  it("ignores a hash naming no row", async () => {
    const page = await openReader(`/documents/${SEED}#p-99`);
    try {
      expect((await readerState(page)).current).toEqual([]);
      await page.keyboard.press("j");
      expect((await readerState(page)).current).toEqual(["p-1"]);
    } finally {
      await page.context().close();
    }
  });

  it("switches layouts, remembers the choice across reloads, and interleaves English under French", async () => {
    const page = await openReader();
    try {
      await page.getByRole("button", { name: "French only" }).click();
      expect(await page.getAttribute(".reader", "data-layout")).toBe("fr");
      expect(await page.getAttribute('.layout-switch button[data-layout="fr"]', "aria-pressed")).toBe("true");
      expect(await page.locator(".cell.en:visible").count()).toBe(0);
      expect(await page.locator(".cell.fr:visible").count()).toBe(14);
      expect((await page.context().cookies()).find((c) => c.name === "layout")?.value).toBe("fr");

      const reloaded = await page.reload();
      expect(await reloaded!.text()).toContain('data-layout="fr"'); // rendered so by the server: no flash of English
      await readerReady(page);
      expect(await page.locator(".cell.en:visible").count()).toBe(0);
      expect(await page.locator(".cell.fr:visible").count()).toBe(14);

      await page.getByRole("button", { name: "Interleaved" }).click();
      expect(await page.getAttribute(".reader", "data-layout")).toBe("interleaved");
      expect(await page.locator(".cell.en:visible").count()).toBe(14);
      const fr = await box(page, "#p-3 .cell.fr");
      const en = await box(page, "#p-3 .cell.en");
      expect(en.y).toBeGreaterThanOrEqual(fr.y + fr.height - 1);
      expect(overlapX(fr, en)).toBe(true);
      const nextFr = await box(page, "#p-4 .cell.fr");
      expect(nextFr.y).toBeGreaterThanOrEqual(en.y + en.height - 1); // row 3's English comes before row 4

      await page.reload();
      await readerReady(page);
      expect(await page.getAttribute(".reader", "data-layout")).toBe("interleaved");

      await page.getByRole("button", { name: "English only" }).click();
      expect(await page.locator(".cell.fr:visible").count()).toBe(0);
      expect(await page.locator(".cell.en:visible").count()).toBe(14);
    } finally {
      await page.context().close();
    }
  });

  it("puts English beside French on a laptop screen and below it on a phone", async () => {
    const laptop = await openReader(`/documents/${SEED}`, { width: 1366, height: 768 });
    const phone = await openReader(`/documents/${SEED}`, { width: 390, height: 844 });
    try {
      for (const page of [laptop, phone]) expect(await page.getAttribute(".reader", "data-layout")).toBe("side");
      for (const row of ["#p-1", "#p-3"]) {
        const fr = await box(laptop, `${row} .cell.fr`);
        const en = await box(laptop, `${row} .cell.en`);
        expect(Math.abs(en.y - fr.y), `${row} on a laptop: same top`).toBeLessThan(1);
        expect(en.x, `${row} on a laptop: English to the right`).toBeGreaterThanOrEqual(fr.x + fr.width);

        const pfr = await box(phone, `${row} .cell.fr`);
        const pen = await box(phone, `${row} .cell.en`);
        expect(pen.y, `${row} on a phone: English below`).toBeGreaterThanOrEqual(pfr.y + pfr.height - 1);
        expect(overlapX(pfr, pen), `${row} on a phone: same column`).toBe(true);
      }
      // Nothing makes the phone scroll sideways.
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await laptop.context().close();
      await phone.context().close();
    }
  });
});

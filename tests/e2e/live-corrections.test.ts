/// Correcting together in real Chromium: a corrector and a reviewer, each in a browser context of
/// their own, on the same document. What one does shows on the other's page without a reload:
/// a suggestion typed in the editor, its acceptance (text and quality score), a rejection with
/// its reason, comments, presence, and a revert from the history; and the review keys n, p, a.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { call, proposeReplacement } from "../support/corrections";
import { sessionCookieFor } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, selectInEditor, serverAndBrowser } from "./helpers";

/// The longest a change may take to show on the other page.
const LIVE_MS = 3_000;

describeIfAvailable("Chromium", chromiumAvailable())("live corrections (Chromium)", () => {
  const env = serverAndBrowser();
  const cookies = {} as Record<"corrector" | "reviewer", string>;

  beforeAll(async () => {
    cookies.corrector = await sessionCookieFor(env.server, "corinne", "corrector");
    cookies.reviewer = await sessionCookieFor(env.server, "renaud", "reviewer");
  });

  /// The document page signed in with `cookie`, hydrated and connected to the live events.
  async function openAs(who: "corrector" | "reviewer"): Promise<Page> {
    const context = await newContext(env.browser, { locale: "en-US" });
    await context.addCookies([{ name: "vv_session", value: cookies[who].replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    const response = await page.goto(`${env.server.url}/documents/${SEED}`);
    expect(response?.status()).toBe(200);
    await readerReady(page);
    await page.waitForSelector(".review-bar .live.live-live");
    expect(await page.locator(".signed-in").getAttribute("data-user")).toBe(who === "corrector" ? "corinne" : "renaud");
    return page;
  }

  /// Both pages, closed after `work`.
  async function together(work: (corrector: Page, reviewer: Page) => Promise<void>) {
    const [corrector, reviewer] = await Promise.all([openAs("corrector"), openAs("reviewer")]);
    const contexts: BrowserContext[] = [corrector.context(), reviewer.context()];
    try {
      await work(corrector, reviewer);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  }

  const frText = (page: Page, row: string) => page.locator(`#${row} .cell.fr`).evaluate((el) => el.textContent ?? "");
  const score = (page: Page) => page.locator("[data-testid=penalty-per-1000]").innerText();
  const card = (row: string, id: number) => `#${row} li.suggestion-card[data-suggestion="${id}"]`;
  const mark = (row: string, id: number) => `#${row} .sug-mark[data-suggestion="${id}"]`;
  const gone = (page: Page, selector: string) => page.waitForSelector(selector, { state: "detached", timeout: LIVE_MS });
  const shows = (page: Page, selector: string) => page.waitForSelector(selector, { timeout: LIVE_MS });
  /// Waits until the row's French text contains `present` and not `absent`.
  const textBecomes = (page: Page, row: string, present: string, absent: string) =>
    page.waitForFunction(
      ([sel, yes, no]) => {
        const t = document.querySelector(sel)?.textContent ?? "";
        return t.includes(yes) && !t.includes(no);
      },
      [`#${row} .cell.fr`, present, absent] as const,
      { timeout: LIVE_MS },
    );
  const scoreChangesFrom = (page: Page, before: string) =>
    page.waitForFunction(([b]) => document.querySelector("[data-testid=penalty-per-1000]")?.textContent !== b, [before] as const, { timeout: LIVE_MS });
  const suggestion = async (id: number) => ((await call(env.server.url, "GET", `/api/documents/${SEED}/suggestions`)).body.suggestions as any[]).find((s) => s.id === id);

  /// The words a revision's diff strikes out (`del`) or adds (`ins`), without the labels for
  /// screen readers.
  const diffWords = (revision: Locator, tag: "del" | "ins") =>
    revision.locator(`.rev-diff ${tag}`).evaluateAll((els) =>
      els
        .map((el) => [...el.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains("visually-hidden"))).map((n) => n.textContent).join(""))
        .join(" ")
        .split(/\s+/)
        .filter(Boolean),
    );

  it("shows the corrector's suggestion to the reviewer at once, and the reviewer's acceptance to the corrector: text, list and quality score", async () => {
    await together(async (corrector, reviewer) => {
      const row = "p-7";
      const scoreBefore = await score(corrector);
      expect(await score(reviewer)).toBe(scoreBefore);

      // The corrector opens the editor from the row's tools, replaces a word and picks a category.
      await corrector.locator(`#${row} .row-tools button`, { hasText: "Correct" }).click();
      const editor = corrector.locator(`#${row} [data-testid=suggestion-editor]`);
      await editor.waitFor();
      await selectInEditor(corrector, row, "insurmontable");
      await corrector.keyboard.type("infranchissable");
      await corrector.waitForSelector(`#${row} .vv-change-count[data-count="1"]`);
      await corrector.selectOption(`#${row} select[name=category]`, "accuracy/mistranslation");
      await corrector.selectOption(`#${row} select[name=severity]`, "major");
      await editor.focus();
      const posted = corrector.waitForResponse((r) => r.url().endsWith(`/api/documents/${SEED}/suggestions`) && r.request().method() === "POST");
      await corrector.keyboard.press("Control+Enter");
      const answer = await posted;
      expect(answer.status()).toBe(201);
      const id: number = (await answer.json()).suggestions[0].id;
      await gone(corrector, `#${row} [data-testid=suggestion-editor]`); // the editor closed
      await shows(corrector, card(row, id));

      // The reviewer's page, untouched, shows it in the text and in the row's list.
      const t0 = Date.now();
      await shows(reviewer, mark(row, id));
      await shows(reviewer, card(row, id));
      const lag = Date.now() - t0;
      expect(await reviewer.locator(`${mark(row, id)} del`).innerText()).toContain("insurmontable");
      expect(await reviewer.locator(`${mark(row, id)} ins`).innerText()).toContain("infranchissable");
      expect(await reviewer.locator(card(row, id)).innerText()).toContain("corinne");
      expect(lag).toBeLessThan(LIVE_MS);

      // The reviewer accepts; the corrector's page follows.
      await reviewer.locator(`${card(row, id)} button.accept`).click();
      await textBecomes(corrector, row, "un obstacle infranchissable", "insurmontable");
      await gone(corrector, card(row, id));
      await gone(corrector, mark(row, id));
      await scoreChangesFrom(corrector, scoreBefore);
      await gone(reviewer, card(row, id));
      await scoreChangesFrom(reviewer, scoreBefore);
      expect(await score(reviewer)).toBe(await score(corrector));
      expect(parseFloat(await score(corrector))).toBeGreaterThan(parseFloat(scoreBefore));
      expect(await suggestion(id)).toMatchObject({ status: "accepted", decidedBy: "renaud", inserted: "infranchissable" });
    });
  });

  it("shows where the other person is: the corrector sees 'Also here: renaud' on the row the reviewer focuses", async () => {
    await together(async (corrector, reviewer) => {
      expect(await corrector.locator(".presence").count()).toBe(0);
      await reviewer.click("#p-5 .cell.en");
      const presence = await shows(corrector, "#p-5 .presence");
      expect(await presence.innerText()).toBe("Also here: renaud");
      expect(await presence.getAttribute("data-viewers")).toBe("renaud");
      // j moves the reviewer on; the corrector sees them leave one row for the next.
      await reviewer.keyboard.press("j");
      await shows(corrector, "#p-6 .presence");
      await gone(corrector, "#p-5 .presence");
      expect(await corrector.locator(".presence").count()).toBe(1);
      // Nobody is shown their own presence.
      expect(await reviewer.locator(".presence").count()).toBe(0);
    });
  });

  it("rejects with a reason from the interface, and the suggestion disappears for the corrector", async () => {
    await together(async (corrector, reviewer) => {
      const row = "p-11";
      const s = await proposeReplacement(env.server.url, SEED, cookies.corrector, 10, "une nette avance", "une avance nette", { category: "style" });
      await shows(corrector, card(row, s.id));
      await shows(reviewer, mark(row, s.id));
      await reviewer.locator(`${card(row, s.id)} button.reject`).click();
      const reason = reviewer.locator(`${card(row, s.id)} .reject-form input[name=reason]`);
      await reason.waitFor();
      await reason.fill("L'ordre d'origine est idiomatique.");
      await reviewer.locator(`${card(row, s.id)} .reject-form button[type=submit]`).click();
      await gone(corrector, card(row, s.id));
      await gone(corrector, mark(row, s.id));
      await gone(reviewer, card(row, s.id));
      expect(await frText(corrector, row)).toContain("une nette avance");
      expect(await suggestion(s.id)).toMatchObject({ status: "rejected", reason: "L'ordre d'origine est idiomatique.", decidedBy: "renaud" });
    });
  });

  it("carries comments both ways while both pages are open", async () => {
    await together(async (corrector, reviewer) => {
      // The corrector opens the editor with e on the current row, this time.
      const row = "p-13";
      await corrector.click(`#${row} .cell.en`);
      await corrector.keyboard.press("e");
      await corrector.locator(`#${row} [data-testid=suggestion-editor]`).waitFor();
      await selectInEditor(corrector, row, "Stratégiquement");
      await corrector.keyboard.type("Stratégiquement,");
      await corrector.selectOption(`#${row} select[name=category]`, "fluency/punctuation");
      await corrector.locator(`#${row} [data-testid=suggestion-editor]`).focus();
      await corrector.keyboard.press("Control+Enter");
      const cardSelector = `#${row} li.suggestion-card`;
      await shows(reviewer, cardSelector);
      const id = Number(await reviewer.locator(cardSelector).first().getAttribute("data-suggestion"));
      const made = await suggestion(id);
      expect(made).toMatchObject({ category: "fluency/punctuation", author: "corinne", status: "open" });
      expect(made.inserted).toContain(",");

      await corrector.locator(`${card(row, id)} .comment-form input[name=text]`).fill("Une virgule après l'adverbe ?");
      await corrector.locator(`${card(row, id)} .comment-form input[name=text]`).press("Enter");
      await shows(reviewer, `${card(row, id)} .thread li:has-text("Une virgule après l'adverbe ?")`);
      expect(await reviewer.locator(`${card(row, id)} .thread li`).first().innerText()).toContain("corinne");

      await reviewer.locator(`${card(row, id)} .comment-form input[name=text]`).fill("Oui, c'est l'usage.");
      await reviewer.locator(`${card(row, id)} .comment-form button[type=submit]`).click();
      await shows(corrector, `${card(row, id)} .thread li:has-text("Oui, c'est l'usage.")`);
      expect(await corrector.locator(`${card(row, id)} .thread li`).allInnerTexts()).toEqual([
        expect.stringContaining("Une virgule après l'adverbe ?"),
        expect.stringContaining("Oui, c'est l'usage."),
      ]);
      // Each comment once on each page.
      expect(await reviewer.locator(`${card(row, id)} .thread li`).count()).toBe(2);
    });
  });

  it("shows a row's history with a word diff, and the reviewer's revert puts the text back on both pages", async () => {
    await together(async (corrector, reviewer) => {
      const row = "p-14";
      const scoreBefore = await score(corrector);
      const s = await proposeReplacement(env.server.url, SEED, cookies.corrector, 13, "rappelle avec force", "rappelle fortement", { severity: "major" });
      expect((await call(env.server.url, "POST", `/api/documents/${SEED}/suggestions/${s.id}/accept`, cookies.reviewer, {})).status).toBe(200);
      await textBecomes(corrector, row, "rappelle fortement", "rappelle avec force");
      await textBecomes(reviewer, row, "rappelle fortement", "rappelle avec force");
      await scoreChangesFrom(reviewer, scoreBefore);
      const scoreAccepted = await score(reviewer);

      await reviewer.locator(`#${row} .row-tools button`, { hasText: "History" }).click();
      const panel = reviewer.locator(`#${row} .history-panel`);
      await panel.waitFor();
      const latest = panel.locator("ol.revisions > li").first();
      await latest.waitFor();
      expect(await latest.locator(".rev-head").innerText()).toContain("accepted");
      expect(await latest.locator(".rev-head").innerText()).toContain(`#${s.id}`);
      expect(await diffWords(latest, "del")).toEqual(["avec", "force"]);
      expect(await diffWords(latest, "ins")).toEqual(["fortement"]);
      // A corrector sees the history but may not revert.
      await corrector.locator(`#${row} .row-tools button`, { hasText: "History" }).click();
      await corrector.locator(`#${row} .history-panel ol.revisions > li`).first().waitFor();
      expect(await corrector.locator(`#${row} .history-panel button`, { hasText: "Revert this change" }).count()).toBe(0);

      await latest.locator("button", { hasText: "Revert this change" }).click();
      await textBecomes(reviewer, row, "rappelle avec force", "rappelle fortement");
      await textBecomes(corrector, row, "rappelle avec force", "rappelle fortement");
      await scoreChangesFrom(corrector, scoreAccepted);
      expect(await score(corrector)).toBe(scoreBefore);
      // The history now starts with the revert, and the accepted change says it was reverted.
      const revert = panel.locator("ol.revisions > li").first();
      await reviewer.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes("reverted"), `#${row} .history-panel ol.revisions > li`, { timeout: LIVE_MS });
      expect(await diffWords(revert, "del")).toEqual(["fortement"]);
      expect(await diffWords(revert, "ins")).toEqual(["avec", "force"]);
      await reviewer.waitForFunction((sel) => /reverted in revision/.test(document.querySelector(sel)?.textContent ?? ""), `#${row} .history-panel ol.revisions > li:nth-child(2)`, {
        timeout: LIVE_MS,
      });
      expect(await panel.locator("ol.revisions > li:nth-child(2) button", { hasText: "Revert this change" }).count()).toBe(0);
      expect(await suggestion(s.id)).toMatchObject({ status: "accepted", revertedBy: "renaud" });
    });
  });

  it("moves between suggestions with n and p, and accepts the focused one with a", async () => {
    await together(async (corrector, reviewer) => {
      const all = (await call(env.server.url, "GET", `/api/documents/${SEED}/suggestions`)).body.suggestions as any[];
      const open = all.filter((s) => s.status === "open").sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.id - b.id);
      expect(open.length).toBeGreaterThan(2);
      const focused = () => reviewer.evaluate(() => document.activeElement?.id ?? "");
      const focusIs = (id: number) =>
        reviewer.waitForFunction((want) => document.activeElement?.id === want && document.getElementById(want)?.classList.contains("focused"), `s-${id}`, { timeout: LIVE_MS });
      await reviewer.keyboard.press("n");
      await focusIs(open[0].id);
      await reviewer.keyboard.press("n");
      await focusIs(open[1].id);
      await reviewer.keyboard.press("n");
      await focusIs(open[2].id);
      await reviewer.keyboard.press("p");
      await focusIs(open[1].id);
      expect(await focused()).toBe(`s-${open[1].id}`);

      const target = open[1];
      const row = `p-${target.paragraph + 1}`;
      await shows(corrector, card(row, target.id));
      await reviewer.keyboard.press("a");
      await gone(reviewer, card(row, target.id));
      await gone(corrector, card(row, target.id));
      await textBecomes(corrector, row, target.inserted, "\u0000");
      expect(await suggestion(target.id)).toMatchObject({ status: "accepted", decidedBy: "renaud" });
      // The others are still open.
      expect((await suggestion(open[0].id)).status).toBe("open");
      expect((await suggestion(open[2].id)).status).toBe("open");
    });
  });
});

/// Decisions that cross in real Chromium, each person in a browser context of their own: the
/// loser of two simultaneous accepts is told where they clicked, with a link to what won, and
/// keeps what they had written; a corrector about to propose a fix that is already open is
/// offered to support it instead.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { draftToFixes } from "@/lib/corrections/draft";
import { chromiumAvailable } from "../support/browser";
import { call, proposeReplacement, rowsOf } from "../support/corrections";
import { sessionCookieFor } from "../support/accounts";
import { describeIfAvailable } from "../support/requirements";
import { SEED, newContext, readerReady, selectInEditor, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("crossing decisions (Chromium)", () => {
  const env = serverAndBrowser();
  const cookies = {} as Record<"corrector" | "other" | "first" | "second" | "terminologist", string>;

  beforeAll(async () => {
    [cookies.corrector, cookies.other, cookies.first, cookies.second, cookies.terminologist] = await Promise.all([
      sessionCookieFor(env.server, "corinne", "corrector"),
      sessionCookieFor(env.server, "carl", "corrector"),
      sessionCookieFor(env.server, "renaud", "reviewer"),
      sessionCookieFor(env.server, "rita", "reviewer"),
      sessionCookieFor(env.server, "terri", "terminologist"),
    ]);
  });

  async function openAs(who: keyof typeof cookies): Promise<Page> {
    const context = await newContext(env.browser, { locale: "en-US" });
    await context.addCookies([{ name: "vv_session", value: cookies[who].replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    expect((await page.goto(`${env.server.url}/documents/${SEED}`))?.status()).toBe(200);
    await readerReady(page);
    await page.waitForSelector(".review-bar .live.live-live");
    return page;
  }

  /// The row (its element id) whose French text contains `phrase` once.
  async function rowWith(phrase: string): Promise<{ row: string; position: number; text: string }> {
    const found = (await rowsOf(env.server.url, SEED)).filter((r) => r.fr.includes(phrase));
    expect(found, phrase).toHaveLength(1);
    return { row: `p-${found[0].position + 1}`, position: found[0].position, text: found[0].fr };
  }
  const card = (row: string, id: number) => `#${row} li.suggestion-card[data-suggestion="${id}"]`;
  const suggestion = async (id: number) => ((await call(env.server.url, "GET", `/api/documents/${SEED}/suggestions`)).body.suggestions as any[]).find((s) => s.id === id);

  it("tells the loser of two simultaneous accepts, on the card they clicked, which suggestion won, links to it, and keeps their comment draft", async () => {
    const { row, position } = await rowWith("obstacle insurmontable");
    const x = await proposeReplacement(env.server.url, SEED, cookies.corrector, position, "insurmontable", "infranchissable");
    const y = await proposeReplacement(env.server.url, SEED, cookies.corrector, position, "insurmontable", "impossible à surmonter");
    const [winner, loser] = await Promise.all([openAs("first"), openAs("second")]);
    try {
      await Promise.all([winner.waitForSelector(card(row, x.id)), loser.waitForSelector(card(row, y.id))]);
      // The loser has started a comment on the card they are about to accept.
      const draft = "Plus clair pour un lecteur non spécialiste.";
      await loser.locator(`${card(row, y.id)} .comment-form input[name=text]`).fill(draft);

      // Both click at the same moment: the winner's accept commits, and its live update reaches
      // the loser's page, while the loser's accept is on its way.
      await loser.route(`**/api/documents/${SEED}/suggestions/${y.id}/accept`, async (route) => {
        const accepted = winner.waitForResponse((r) => r.url().endsWith(`/suggestions/${x.id}/accept`));
        await winner.locator(`${card(row, x.id)} button.accept`).click();
        expect((await accepted).status()).toBe(200);
        await loser.waitForFunction(([sel]) => (document.querySelector(sel)?.textContent ?? "").includes("infranchissable"), [`#${row} .cell.fr`] as const);
        await route.continue();
      });
      const refused = loser.waitForResponse((r) => r.url().endsWith(`/suggestions/${y.id}/accept`));
      await loser.locator(`${card(row, y.id)} button.accept`).click();
      expect((await refused).status()).toBe(409);

      // The card is still where they clicked, saying what happened, with a link to the winner.
      const outcome = loser.locator(`${card(row, y.id)} .card-outcome`);
      await outcome.waitFor();
      expect(await outcome.innerText()).toContain(`#${x.id} was accepted`);
      expect(await loser.locator(`${card(row, y.id)} .comment-form input[name=text]`).inputValue()).toBe(draft);
      expect(await loser.locator(`${card(row, y.id)} button.accept`).count()).toBe(0);
      const link = outcome.locator("a.winner-link");
      expect(await link.getAttribute("href")).toBe(`#h-s-${x.id}`);
      await link.click();
      const revision = loser.locator(`#${row} .history-panel #h-s-${x.id}`);
      await revision.waitFor();
      await loser.waitForFunction((id) => document.activeElement?.id === `h-s-${id}`, x.id);
      expect(await revision.innerText()).toContain(`#${x.id}`);

      // Nothing is lost: the comment can still be sent, the losing suggestion is kept (stale).
      await loser.locator(`${card(row, y.id)} .comment-form button[type=submit]`).click();
      await loser.waitForFunction(
        ([sel, text]) => [...document.querySelectorAll(sel)].some((li) => li.textContent?.includes(text)),
        [`${card(row, y.id)} .thread li`, draft] as const,
      );
      expect(await suggestion(y.id)).toMatchObject({ status: "stale", staleBecause: x.id, comments: [expect.objectContaining({ text: draft, author: "rita" })] });
      // Dismissing the message lets the card go.
      await loser.locator(`${card(row, y.id)} .card-outcome button`).click();
      await loser.waitForSelector(card(row, y.id), { state: "detached" });
    } finally {
      await Promise.all([winner.context().close(), loser.context().close()]);
    }
  });

  it("warns a corrector who proposes a fix that is already open, and records their support instead", async () => {
    const { row, position, text } = await rowWith("puces américaines coûteuses");
    const draft = text.replace("coûteuses", "onéreuses");
    const first = await call(env.server.url, "GET", `/api/documents/${SEED}`, cookies.corrector);
    const paragraph = first.body.document.rows.find((r: { position: number }) => r.position === position);
    const existing = await call(env.server.url, "POST", `/api/documents/${SEED}/suggestions`, cookies.corrector, {
      paragraphId: paragraph.paragraphId,
      baseRevision: paragraph.revision,
      fixes: draftToFixes(text, draft),
      category: "style",
      severity: "minor",
    });
    expect(existing.status).toBe(201);
    const id: number = existing.body.suggestions[0].id;

    const page = await openAs("other");
    try {
      await page.locator(`#${row} .row-tools button`, { hasText: "Correct" }).click();
      const editor = page.locator(`#${row} [data-testid=suggestion-editor]`);
      await editor.waitFor();
      await selectInEditor(page, row, "coûteuses");
      await page.keyboard.type("onéreuses");
      await page.selectOption(`#${row} select[name=category]`, "style");
      await editor.focus();
      const posted = page.waitForResponse((r) => r.url().endsWith(`/api/documents/${SEED}/suggestions`) && r.request().method() === "POST");
      await page.keyboard.press("Control+Enter");
      const answer = await posted;
      expect(answer.status()).toBe(409);
      expect((await answer.json()).error).toMatchObject({ code: "duplicate", params: { id, suggestion: { id, author: "corinne" } } });

      // The warning names the open suggestion; the draft is still in the editor.
      const warning = page.locator(`#${row} .duplicate-warning[data-duplicate-of="${id}"]`);
      await warning.waitFor();
      expect(await warning.innerText()).toContain(`#${id} by corinne already makes this fix`);
      expect(await editor.innerText()).toContain("onéreuses");
      await warning.locator("button.support").click();
      await page.waitForSelector(`${card(row, id)} .card-supporters[data-supporters="carl"]`);
      await page.waitForSelector(`#${row} [data-testid=suggestion-editor]`, { state: "detached" });
      expect(await suggestion(id)).toMatchObject({ status: "open", supporters: ["carl"] });
      expect((await call(env.server.url, "GET", `/api/documents/${SEED}/suggestions`)).body.suggestions.filter((s: { inserted: string }) => s.inserted === "onéreuses")).toHaveLength(1);
    } finally {
      await page.context().close();
    }
  });

  it("shows a glossary import on an open document at once: a new term is underlined without a reload", async () => {
    const { row } = await rowWith("un autre levier de la puissance");
    const page = await openAs("corrector");
    try {
      const term = `#${row} .cell.fr [data-entry]`;
      const levier = () => page.locator(term).evaluateAll((els) => els.filter((el) => el.textContent === "levier").length);
      expect(await levier()).toBe(0);
      const form = new FormData();
      form.set("file", new Blob(["Term [fr],Term [en]\nlevier,lever\n"]), "leviers.csv");
      const answer = await fetch(`${env.server.url}/api/glossary/import`, { method: "POST", body: form, headers: { cookie: cookies.terminologist, origin: env.server.url } });
      expect(answer.status).toBe(200);
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(sel)].some((el) => el.textContent === "levier"),
        term,
      );
    } finally {
      await page.context().close();
    }
  });
});

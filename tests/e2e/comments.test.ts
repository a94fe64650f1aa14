/// Comments on any text, in real Chromium: words selected in the English or the French of a row
/// get a thread (the "Comment" button under the selection, or the c key), drawn on its words and
/// listed under the row, live in a second browser. An accept in the row's French re-renders the
/// row: the English thread stays on its words; a French thread after the accepted change moves
/// with it; one whose words the change replaced goes stale, still readable and answerable.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { sessionCookieFor } from "../support/accounts";
import { call, proposeReplacement, rowsOf, type Row } from "../support/corrections";
import { describeIfAvailable } from "../support/requirements";
import { SEED, hydrated, newContext, readerReady, selectText, serverAndBrowser } from "./helpers";

describeIfAvailable("Chromium", chromiumAvailable())("comments on any text (Chromium)", () => {
  const env = serverAndBrowser();
  const cookies: Record<string, string> = {};
  let rows: Row[] = [];
  let busy = new Set<number>();

  beforeAll(async () => {
    cookies.cora = await sessionCookieFor(env.server, "cora", "corrector");
    cookies.rev = await sessionCookieFor(env.server, "rev", "reviewer");
    rows = await rowsOf(env.server.url, SEED, cookies.rev);
    const suggestions = (await call(env.server.url, "GET", `/api/documents/${SEED}/suggestions`, cookies.rev)).body.suggestions;
    busy = new Set(suggestions.filter((s: { status: string }) => s.status === "open").map((s: { paragraphId: number }) => s.paragraphId));
  });

  async function openAs(name: string, locale = "en-US"): Promise<Page> {
    const context = await newContext(env.browser, { locale });
    await context.addCookies([{ name: "vv_session", value: cookies[name].replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/documents/${SEED}`);
    await readerReady(page);
    return page;
  }

  /// Words standing once in the paragraph's text and inside one plain text node of its element
  /// (no term, flag or suggestion mark across them): `count` words from the `nth` such node.
  async function plainWords(page: Page, lang: "fr" | "en", position: number, nth: number, count = 2): Promise<string> {
    return page.evaluate(
      ({ lang, position, nth, count }) => {
        const para = document.querySelector(`.reader .para[data-lang="${lang}"][data-position="${position}"]`)!;
        const text = para.textContent ?? "";
        const nodes = [...para.querySelectorAll("span")].filter((s) => s.children.length === 0 && !s.closest(".term, .flag-mark, .sug-mark, .visually-hidden"));
        const found: string[] = [];
        for (const n of nodes) {
          const words = (n.textContent ?? "").split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w));
          for (let i = 0; i + count <= words.length; i++) {
            const phrase = words.slice(i, i + count).join(" ");
            if ((n.textContent ?? "").includes(phrase) && text.indexOf(phrase) === text.lastIndexOf(phrase)) {
              found.push(phrase);
              break;
            }
          }
        }
        if (found.length <= nth) throw new Error(`no plain words #${nth} in ${lang} ${position}`);
        return found[nth];
      },
      { lang, position, nth, count },
    );
  }

  /// Selects words of a paragraph, as a mouse drag would.
  const select = (page: Page, lang: "fr" | "en", position: number, words: string) => selectText(page, `.reader .para[data-lang="${lang}"][data-position="${position}"]`, words);

  /// Comments on words through the button under the selection (or the c key); returns the card.
  async function comment(page: Page, lang: "fr" | "en", position: number, words: string, text: string, how: "button" | "key" = "button") {
    await select(page, lang, position, words);
    if (how === "button") await page.locator(".comment-button").click();
    else {
      await page.locator(".comment-button").waitFor();
      await page.keyboard.press("c");
    }
    const input = page.locator(".comment-box input[name=text]");
    await input.fill(text);
    await input.press("Enter");
    const card = page.locator(`li.thread-card[data-lang="${lang}"]`, { hasText: text });
    await card.waitFor();
    await page.locator(".comment-box").waitFor({ state: "detached" });
    return card;
  }

  /// The words the reader's thread highlights cover, in order.
  const drawn = (page: Page) =>
    page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get("vv-thread");
      return h ? [...h].map((r) => r.toString()) : [];
    });

  /// A French row without open suggestions, with an English side, from the `skip`-th on.
  const quietRow = (skip: number) => rows.filter((r) => r.position > 2 && !busy.has(r.paragraphId) && r.en && r.fr.length > 120)[skip];

  it("keeps a comment on English words on them when an accept in the row's French re-renders the row, live for another viewer", async () => {
    const row = quietRow(0);
    const [rev, cora] = await Promise.all([openAs("rev"), openAs("cora")]);
    try {
      const english = await plainWords(rev, "en", row.position, 0);
      const card = await comment(rev, "en", row.position, english, "Does the French say this? @cora");
      expect(await card.locator(".thread-quote q").innerText()).toBe(english);
      expect(await card.locator("mark.mention").innerText()).toBe("@cora");
      expect(await drawn(rev)).toContain(english);
      // A click on the drawn words brings the thread's card forward.
      const id = await card.getAttribute("data-thread");
      const spot = await rev.evaluate((w) => {
        const range = [...((CSS as any).highlights.get("vv-thread") ?? [])].find((r: Range) => r.toString() === w) as Range;
        range.startContainer.parentElement!.scrollIntoView({ block: "center" });
        const b = range.getBoundingClientRect();
        return { x: b.left + Math.min(b.width / 2, 10), y: b.top + b.height / 2 };
      }, english);
      await rev.mouse.click(spot.x, spot.y);
      await rev.waitForFunction((t) => document.activeElement?.id === t, `t-${id}`);
      // Live: the other viewer gets the thread, drawn on the same words, without a reload.
      await cora.locator(`li.thread-card[data-lang="en"]`, { hasText: english }).waitFor();
      await cora.waitForFunction((w) => [...((CSS as any).highlights.get("vv-thread") ?? [])].some((r: Range) => r.toString() === w), english);

      // A suggestion in the row's French, accepted in the browser: the row is drawn again.
      const french = await plainWords(rev, "fr", row.position, 0, 1);
      const s = await proposeReplacement(env.server.url, SEED, cookies.cora, row.position, french, `${french}-ci`);
      const sCard = rev.locator(`li.suggestion-card[data-suggestion="${s.id}"]`);
      await hydrated(rev, `li.suggestion-card[data-suggestion="${s.id}"] button.accept`);
      await sCard.locator("button.accept").click();
      await rev.waitForFunction(
        ({ p, w }) => document.querySelector(`.reader .para[data-lang="fr"][data-position="${p}"]`)?.textContent?.includes(w),
        { p: row.position, w: `${french}-ci` },
      );
      expect(await drawn(rev)).toContain(english);
      expect(await rev.locator(`li.thread-card[data-lang="en"]`, { hasText: english }).getAttribute("data-stale")).toBeNull();
      await rev.reload();
      await readerReady(rev);
      await rev.locator(`li.thread-card[data-lang="en"]`, { hasText: english }).waitFor();
      await rev.waitForFunction((w) => [...((CSS as any).highlights.get("vv-thread") ?? [])].some((r: Range) => r.toString() === w), english);

      // The mention reached cora's bell; its link leads to the thread's card.
      const notes = await call(env.server.url, "GET", "/api/notifications", cookies.cora);
      expect(notes.body.notifications.find((n: { kind: string }) => n.kind === "mention")).toMatchObject({ threadId: Number(id), actor: "rev" });
      await cora.goto(`${env.server.url}/documents/${SEED}#t-${id}`);
      await readerReady(cora);
      await cora.waitForFunction((t) => document.activeElement?.id === t, `t-${id}`);
    } finally {
      await Promise.all([rev.context().close(), cora.context().close()]);
    }
  });

  it("moves a French comment after an accepted insertion with it, and makes one on the replaced words stale", async () => {
    const row = quietRow(1);
    const rev = await openAs("rev", "fr-FR");
    try {
      const replaced = await plainWords(rev, "fr", row.position, 0, 1);
      const later = await plainWords(rev, "fr", row.position, 1, 2);
      const onLater = await comment(rev, "fr", row.position, later, "Plus loin.", "key");
      const onReplaced = await comment(rev, "fr", row.position, replaced, "Ce mot-là.");
      expect(await drawn(rev)).toEqual(expect.arrayContaining([later, replaced]));
      const s = await proposeReplacement(env.server.url, SEED, cookies.cora, row.position, replaced, `${replaced} bien plus long`);
      await hydrated(rev, `li.suggestion-card[data-suggestion="${s.id}"] button.accept`);
      await rev.locator(`li.suggestion-card[data-suggestion="${s.id}"] button.accept`).click();
      await onReplaced.and(rev.locator("[data-stale]")).waitFor();
      expect(await onReplaced.locator(".thread-stale").innerText()).toBe("Ces mots ont été remplacés depuis");
      expect(await onReplaced.locator(".thread-quote q").innerText()).toBe(replaced);
      // The later words moved with the insertion: still drawn on them, and nothing on the replaced ones.
      await rev.waitForFunction((w) => [...((CSS as any).highlights.get("vv-thread") ?? [])].some((r: Range) => r.toString() === w), later);
      expect(await drawn(rev)).not.toContain(replaced);
      expect(await onLater.getAttribute("data-stale")).toBeNull();
      // A stale thread can still be answered, and resolving folds a thread away until reopened.
      await onReplaced.locator(".comment-form input[name=text]").fill("Vu, c'est corrigé.");
      await onReplaced.locator(".comment-form input[name=text]").press("Enter");
      await onReplaced.locator(".thread-comments li", { hasText: "Vu, c'est corrigé." }).waitFor();
      await onReplaced.locator("button.thread-resolve").click();
      const folded = rev.locator("details.resolved-threads", { hasText: "1 commentaire résolu" });
      await folded.waitFor();
      expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await folded.locator("summary").click();
      await folded.locator("button.thread-resolve", { hasText: "Rouvrir" }).click();
      await folded.waitFor({ state: "detached" });
      // Words selected in the suggestion editor are a draft: no comment is offered on them.
      await rev.locator(`#p-${row.position + 1} .row-tools button.tool`, { hasText: "Corriger" }).click();
      await selectText(rev, `#p-${row.position + 1} [data-testid=suggestion-editor]`, later.split(" ")[0]);
      await rev.waitForTimeout(300);
      expect(await rev.locator(".comment-button").count()).toBe(0);
    } finally {
      await rev.context().close();
    }
  });
});

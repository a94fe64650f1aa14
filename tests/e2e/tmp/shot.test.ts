import { it } from "vitest";
import { sessionCookieFor } from "../../support/accounts";
import { call, rowsOf } from "../../support/corrections";
import { SEED, newContext, readerReady, serverAndBrowser } from "../helpers";

const env = serverAndBrowser();
it("screenshots", async () => {
  const cookie = await sessionCookieFor(env.server, "rev", "reviewer");
  const cora = await sessionCookieFor(env.server, "cora", "corrector");
  const doc = (await call(env.server.url, "GET", `/api/documents/${SEED}`, cookie)).body.document;
  const rows = await rowsOf(env.server.url, SEED, cookie);
  const r = rows[4];
  const w = r.fr.split(" ").slice(2, 4).join(" ");
  const s0 = r.fr.indexOf(w);
  const t = (await call(env.server.url, "POST", `/api/documents/${SEED}/threads`, cora, { paragraphId: r.paragraphId, revision: r.revision, start: s0, end: s0 + w.length, quote: w, text: "Is this right, @rev? The English says something else." })).body.thread;
  await call(env.server.url, "POST", `/api/documents/${SEED}/threads/${t.id}/comments`, cookie, { text: "Agreed, @cora: let's fix it." });
  const en = doc.texts.en[4];
  const ew = en.text.split(" ").slice(1, 4).join(" ");
  const e0 = en.text.indexOf(ew);
  const t2 = (await call(env.server.url, "POST", `/api/documents/${SEED}/threads`, cora, { paragraphId: en.id, revision: en.revision, start: e0, end: e0 + ew.length, quote: ew, text: "English wording OK." })).body.thread;
  await call(env.server.url, "POST", `/api/documents/${SEED}/threads/${t2.id}/resolve`, cookie, { resolved: true });
  for (const [locale, width, height] of [["en-US", 1366, 768], ["fr-FR", 390, 844]] as const) {
    const context = await newContext(env.browser, { locale, viewport: { width, height } });
    await context.addCookies([{ name: "vv_session", value: cookie.replace(/^vv_session=/, ""), url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/documents/${SEED}#t-${t.id}`);
    await readerReady(page);
    await page.waitForSelector(`#t-${t.id}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/comments-${width}-threads.png` });
    // select English words of row 6 and open the box
    await page.evaluate(() => {
      const para = document.querySelector('.reader .para[data-lang="en"][data-position="5"]')!;
      const n = document.createTreeWalker(para, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const r = document.createRange(); r.setStart(n, 0); r.setEnd(n, Math.min(20, n.length));
      getSelection()!.removeAllRanges(); getSelection()!.addRange(r);
      para.scrollIntoView({ block: "center" });
    });
    await page.locator(".comment-button").waitFor();
    await page.screenshot({ path: `/tmp/comments-${width}-button.png` });
    await page.locator(".comment-button").click();
    await page.locator(".comment-box input").fill("Une remarque");
    await page.screenshot({ path: `/tmp/comments-${width}-box.png` });
    await context.close();
  }
});

import path from "node:path";
const R = path.resolve(import.meta.dirname, "..");
const { launchChromium } = await import(path.join(R, "tests/support/browser.ts"));
const { startServer } = await import(path.join(R, "tests/support/server.ts"));
const { sessionCookieFor } = await import(path.join(R, "tests/support/accounts.ts"));
const out = "/tmp/checksui";
const server = await startServer();
const browser = await launchChromium();
try {
  const cookie = await sessionCookieFor(server, "rita", "reviewer");
  for (const [name, width, height, lang, hover] of [["doc-1366-en", 1366, 768, "en", "#p-5"], ["doc-390-fr", 390, 844, "fr", "#p-5"]] as const) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addCookies([{ name: "lang", value: lang, url: server.url }, { name: "vv_session", value: cookie.replace(/^vv_session=/, ""), url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url + "/documents/deepseek-containment");
    await page.waitForTimeout(2500);
    await page.locator(`${hover} .flag-list`).scrollIntoViewIfNeeded();
    await page.locator(`${hover} .flag-list`).evaluate((el: Element) => el.scrollIntoView({ block: "end" }));
    await page.screenshot({ path: `${out}/${name}.png` });
    const panel = page.locator("#flags-panel");
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}-panel.png` });
    console.log(await page.locator(".flag-item").count(), "flag items;", await page.locator(".flag-mark").count(), "marks");
    console.log(await page.locator(".checks-job").innerText());
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

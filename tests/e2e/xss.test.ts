/// Stored and reflected script injection, in real Chromium: markup stored in every field a person
/// can write today (paragraphs, titles, licence and provenance of an imported document; the
/// name typed at sign-in and the forwarded address, which the audit log shows; a suggestion's
/// inserted words and note, a comment, a rejection's reason) is displayed as text and never
/// runs, on every page that shows it. Each page is opened twice: with the
/// Content-Security-Policy bypassed, so that escaping alone is tested, and with it, where any
/// blocked script would also show as a policy violation.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addUser, signIn } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { call, proposeReplacement } from "../support/corrections";
import { postDocument } from "../http/helpers";
import { hydrated, newContext, readerReady, serverAndBrowser } from "./helpers";

/// Each would set window.__xss or open a dialog if it ran. Lower case throughout: the audit log
/// stores a sign-in name in lower case.
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `<a href="javascript:window.__xss=1">x</a>`,
  `"><svg onload=window.__xss=1>`,
  `<img src=x onerror=alert(1)>`,
  `</script><script>window.__xss=1</script>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<details open ontoggle=window.__xss=1>`,
  `'-alert(1)-'<!--<script>`,
];
const SLUG = "xss-payloads";
const TITLE_FR = `<img src=x onerror="window.__xss=1"> titre`;
const TITLE_EN = `"><svg onload=window.__xss=1> title`;
const LICENCE = `<script>window.__xss=1</script> cc by 4.0`;
const ENGINE = `<img src=x onerror=alert(1)>`;
const BY = `<a href="javascript:window.__xss=1">x</a>`;
/// Elements a payload would create if it were parsed as HTML.
const INJECTED = "img, svg, script, iframe, details, a[href^='javascript']";
/// The same, inside `scope` only.
const injectedIn = (scope: string) =>
  INJECTED.split(", ")
    .map((tag) => `${scope} ${tag}`)
    .join(", ");

describeIfAvailable("Chromium", chromiumAvailable())("script injection (Chromium)", () => {
  // As behind one reverse proxy, so that the forwarded address a client wrote is what the audit
  // log shows (server/http/forwarded.ts).
  const env = serverAndBrowser({ TRUSTED_PROXY_HOPS: "1" });
  let adminToken: string;

  beforeAll(async () => {
    await addUser(env.server.dataDir, "xss-admin", "admin");
    adminToken = await signIn(env.server.url, "xss-admin");
    const cookie = `vv_session=${adminToken}`;
    const imported = await postDocument(
      env.server.url,
      {
        slug: SLUG,
        fr: [TITLE_FR, ...PAYLOADS].join("\n"),
        en: [TITLE_EN, ...PAYLOADS.map((p) => `en ${p}`)].join("\n"),
        meta: {
          title: { fr: TITLE_FR, en: TITLE_EN },
          languages: { source: "fr", target: "en" },
          provenance: { fr: { kind: "machine-translation", engine: ENGINE }, en: { kind: "human", by: BY } },
          licence: LICENCE,
        },
      },
      { headers: { cookie } },
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    // The audit log shows the name typed at a failed sign-in and the client's forwarded address.
    for (const payload of PAYLOADS) {
      const res = await fetch(`${env.server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: env.server.url, "x-forwarded-for": payload },
        body: JSON.stringify({ name: payload, password: "not a password" }),
      });
      expect(res.status, payload).toBe(401);
    }
  });

  it("refuses user names with markup (400 invalidName), so none is ever stored", async () => {
    const before = await (await fetch(`${env.server.url}/api/users`, { headers: { cookie: `vv_session=${adminToken}` } })).json();
    for (const name of [...PAYLOADS, "<b>bold</b>", "a\"b", "x'y", "tom&jerry"]) {
      const res = await fetch(`${env.server.url}/api/users`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: env.server.url, cookie: `vv_session=${adminToken}` },
        body: JSON.stringify({ name, password: "a long enough password", role: "reader" }),
      });
      expect(res.status, name).toBe(400);
      expect((await res.json()).error.code, name).toBe("invalidName");
    }
    const after = await (await fetch(`${env.server.url}/api/users`, { headers: { cookie: `vv_session=${adminToken}` } })).json();
    expect(after).toEqual(before);
  });

  /// Opens a page (signed in as the admin unless `visitor`, or as the account whose session is
  /// `token`), lets `interact` poke at it, and
  /// checks that no payload ran: no window.__xss, no dialog, no script-src violation, no error.
  async function visit(path: string, options: { bypassCSP: boolean; visitor?: boolean; token?: string }, interact: (page: Page) => Promise<void>) {
    const context = await newContext(env.browser, { bypassCSP: options.bypassCSP });
    if (!options.visitor) await context.addCookies([{ name: "vv_session", value: options.token ?? adminToken, url: env.server.url }]);
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener(
        "securitypolicyviolation",
        (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
        true,
      );
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (m) => {
      // Failed loads are caught below with their address; the one Playwright never reports is
      // the browser's own request for /favicon.ico, which the app does not have.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    // An injected <img src=x> or <iframe> would ask the server for it.
    page.on("request", (r) => {
      if (!r.url().startsWith(env.server.url) || /\/x$/.test(r.url())) errors.push(`request ${r.url()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`${env.server.url}${path}`);
      await hydrated(page, ".site-header .brand");
      await interact(page);
      await page.waitForTimeout(250); // an image's onerror or an iframe's load would have fired by now
      const seen = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        violations: (window as unknown as { __violations: string[] }).__violations,
      }));
      const where = `${path} (CSP ${options.bypassCSP ? "bypassed" : "on"})`;
      expect(seen.xss, where).toBeUndefined();
      expect(dialogs, where).toEqual([]);
      expect(seen.violations.filter((v) => v.startsWith("script-src")), where).toEqual([]);
      expect(errors, where).toEqual([]);
    } finally {
      await context.close();
    }
  }

  const modes = [{ bypassCSP: true }, { bypassCSP: false }];

  it.each(modes)("home page shows the titles as text (bypassCSP: $bypassCSP)", async ({ bypassCSP }) => {
    await visit("/", { bypassCSP, visitor: true }, async (page) => {
      const card = page.locator(`.document-card[data-slug="${SLUG}"]`);
      expect(await card.locator("h2").innerText()).toBe(TITLE_FR);
      expect(await card.locator(".title-en").innerText()).toBe(TITLE_EN);
      expect(await card.locator(INJECTED).count()).toBe(0);
      await card.locator(".title-en").hover();
      await card.locator(".title-en").click();
    });
  });

  it.each(modes)("document page shows every paragraph, the licence and the provenance as text (bypassCSP: $bypassCSP)", async ({ bypassCSP }) => {
    await visit(`/documents/${SLUG}`, { bypassCSP, visitor: true }, async (page) => {
      await hydrated(page, ".reader .layout-switch button");
      expect(await page.title()).toBe(`${TITLE_FR} · Vis-à-vis`);
      expect(await page.locator("#p-1 .cell.fr").innerText()).toBe(TITLE_FR);
      expect(await page.locator("#p-1 .cell.en").innerText()).toBe(TITLE_EN);
      for (const [i, payload] of PAYLOADS.entries()) {
        const row = page.locator(`#p-${i + 2}`);
        expect(await row.locator(".cell.fr").innerText()).toBe(payload);
        expect(await row.locator(".cell.en").innerText()).toBe(`en ${payload}`);
        await row.locator(".cell.fr").hover();
        await row.locator(".cell.en").click();
      }
      // No element came out of the text: the cells hold none of the payloads' tags.
      expect(await page.locator(".cell").count()).toBe(2 * (PAYLOADS.length + 1));
      expect(await page.locator(injectedIn(".cell")).count()).toBe(0);
      for (const layout of ["interleaved", "fr", "en", "side"]) await page.locator(`.layout-switch button[data-layout="${layout}"]`).click();
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      const facts = page.locator(".document-facts");
      expect(await facts.innerText()).toContain(LICENCE);
      expect(await facts.innerText()).toContain(ENGINE);
      expect(await facts.innerText()).toContain(BY);
      expect(await facts.locator(INJECTED).count()).toBe(0);
      await facts.hover();
    });
  });

  it.each(modes)("audit log shows the typed names and forwarded addresses as text (bypassCSP: $bypassCSP)", async ({ bypassCSP }) => {
    await visit("/admin/audit", { bypassCSP }, async (page) => {
      const rows = page.locator('tr[data-action="login.failed"]');
      expect(await rows.count()).toBe(PAYLOADS.length);
      const table = page.locator("table.audit tbody");
      for (const payload of PAYLOADS) {
        const row = rows.filter({ has: page.getByRole("cell", { name: payload, exact: true }) });
        expect(await row.count(), payload).toBe(1);
        // The name in "Concerning" and the address in "From", both as typed.
        expect((await row.locator("td").allInnerTexts()).slice(3, 5)).toEqual([payload, payload]);
        await row.hover();
        await row.locator("td").nth(3).click();
      }
      expect(await table.locator(INJECTED).count()).toBe(0);
      // The import of the document is there too, under its short name.
      expect(await page.locator('tr[data-action="document.import"]').innerText()).toContain(SLUG);
    });
  });

  // Pages that store nothing of the payloads: once, with the policy bypassed (the stricter test).
  it("users page runs nothing", async () => {
    await visit("/admin/users", { bypassCSP: true }, async (page) => {
      await hydrated(page, "form.inline-form button[type=submit]");
      expect(await page.locator("tbody tr").count()).toBe(1);
      expect(await page.locator(injectedIn("main")).count()).toBe(0);
    });
  });

  it("markup in the address bar is not reflected into pages", async () => {
    const payload = encodeURIComponent(PAYLOADS[0]);
    await visit(`/setup?token=${payload}`, { bypassCSP: true, visitor: true }, async (page) => {
      expect(await page.locator(injectedIn("main")).count()).toBe(0);
    });
    await visit(`/login?next=${encodeURIComponent(PAYLOADS[3])}`, { bypassCSP: true, visitor: true }, async (page) => {
      expect(await page.locator(injectedIn("main")).count()).toBe(0);
    });
  });

  it("a javascript: URL given as the page to return to after signing in is not followed", async () => {
    await addUser(env.server.dataDir, "xss-reader", "reader");
    for (const next of ["javascript:window.__xss=1", " javascript:alert(1)"]) {
      await visit(`/login?next=${encodeURIComponent(next)}`, { bypassCSP: true, visitor: true }, async (page) => {
        await hydrated(page, "form.stack-form button[type=submit]");
        await page.locator('input[name="name"]').fill("xss-reader");
        await page.locator('input[name="password"]').fill("a long enough test password");
        await page.locator("form.stack-form button[type=submit]").click();
        await page.waitForURL(`${env.server.url}/`);
        await page.locator(".signed-in").waitFor();
      });
    }
  });
  /// The correction workflow: each paragraph of a document of its own gets an accepted
  /// suggestion, an open one and a rejected one, all carrying a payload, plus a comment.
  describe("in suggestions, comments, rejections and history", () => {
    const DOC = "xss-corrections";
    /// Paragraph k (1…) gets PAYLOADS[k - 1]; each word to replace stands once in the corpus.
    const paragraph = (k: number) => `Phrase ${k} : le mot${k} reste, puis la fin${k} vient.`;
    const corrected = (k: number) => paragraph(k).replace(`mot${k}`, PAYLOADS[k - 1]);
    let reviewerToken: string;
    const open: number[] = [];
    const accepted: number[] = [];
    const rejected: number[] = [];

    beforeAll(async () => {
      await addUser(env.server.dataDir, "xss-reviewer", "reviewer");
      await addUser(env.server.dataDir, "xss-corrector", "corrector");
      reviewerToken = await signIn(env.server.url, "xss-reviewer");
      const reviewer = `vv_session=${reviewerToken}`;
      const corrector = `vv_session=${await signIn(env.server.url, "xss-corrector")}`;
      const base = env.server.url;
      const imported = await postDocument(
        base,
        {
          slug: DOC,
          fr: ["Corrections piégées", ...PAYLOADS.map((_, i) => paragraph(i + 1))].join("\n"),
          en: ["Booby-trapped corrections", ...PAYLOADS.map((_, i) => `Sentence ${i + 1}: the word stays, then the end comes.`)].join("\n"),
          meta: {
            title: { fr: "Corrections piégées", en: "Booby-trapped corrections" },
            languages: { source: "fr", target: "en" },
            provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human", by: "Tests" } },
            licence: "CC BY 4.0",
          },
        },
        { headers: { cookie: `vv_session=${adminToken}` } },
      );
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      for (const [i, payload] of PAYLOADS.entries()) {
        const k = i + 1;
        const extra = { category: "style", severity: "minor", note: payload };
        // Accepted: the payload becomes the paragraph's text, and its history.
        const a = await proposeReplacement(base, DOC, corrector, k, `mot${k}`, payload, extra);
        const acceptance = await call(base, "POST", `/api/documents/${DOC}/suggestions/${a.id}/accept`, reviewer);
        expect(acceptance.status, JSON.stringify(acceptance.body)).toBe(200);
        expect(acceptance.body.paragraph.text).toBe(corrected(k));
        expect(acceptance.body.propagated).toEqual([]);
        accepted.push(a.id);
        // Rejected, with the payload as the reason.
        const r = await proposeReplacement(base, DOC, corrector, k, `Phrase ${k}`, payload, extra);
        const rejection = await call(base, "POST", `/api/documents/${DOC}/suggestions/${r.id}/reject`, reviewer, { reason: payload });
        expect(rejection.status, JSON.stringify(rejection.body)).toBe(200);
        expect(rejection.body.suggestion).toMatchObject({ status: "rejected", reason: payload });
        rejected.push(r.id);
        // Open, with a comment in its thread.
        const o = await proposeReplacement(base, DOC, corrector, k, `fin${k}`, payload, extra);
        const commented = await call(base, "POST", `/api/documents/${DOC}/suggestions/${o.id}/comments`, corrector, { text: payload });
        expect(commented.status, JSON.stringify(commented.body)).toBe(201);
        expect(commented.body.suggestion.comments.map((c: { text: string }) => c.text)).toEqual([payload]);
        open.push(o.id);
      }
      // Stored as sent, markup and all.
      const { body } = await call(base, "GET", `/api/documents/${DOC}/suggestions`);
      for (const [i, payload] of PAYLOADS.entries()) {
        const byId = (id: number) => body.suggestions.find((s: { id: number }) => s.id === id);
        expect(byId(accepted[i])).toMatchObject({ status: "accepted", inserted: payload, note: payload });
        expect(byId(rejected[i])).toMatchObject({ status: "rejected", inserted: payload, note: payload, reason: payload });
        expect(byId(open[i])).toMatchObject({ status: "open", inserted: payload, note: payload, comments: [{ text: payload }] });
      }
    });

    /// The text a reader sees in an element: its text without the words only screen readers get
    /// ("deleted:", "inserted:").
    const seen = (page: Page, selector: string) =>
      page.locator(selector).evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll(".visually-hidden").forEach((h) => h.remove());
        return copy.textContent;
      });

    /// Both sides of a word diff: the text before (inserted words left out) and after (deleted
    /// words left out).
    const sides = (page: Page, selector: string) =>
      page.locator(selector).evaluate((el) => {
        const side = (drop: string) => {
          const copy = el.cloneNode(true) as Element;
          copy.querySelectorAll(`.visually-hidden, ${drop}`).forEach((h) => h.remove());
          return copy.textContent;
        };
        return { before: side("ins"), after: side("del") };
      });

    // Nine paragraphs, each looked at closely: about 10 s, more than the default 30 s on a busy machine.
    it.each(modes)("cards, marks, threads and history show them as text to a reviewer (bypassCSP: $bypassCSP)", { timeout: 90_000 }, async ({ bypassCSP }) => {
      await visit(`/documents/${DOC}`, { bypassCSP, token: reviewerToken }, async (page) => {
        await readerReady(page);
        await hydrated(page, ".row-tools button.tool");
        for (const [i, payload] of PAYLOADS.entries()) {
          const k = i + 1;
          const row = `#p-${k + 1}`;
          const where = `paragraph ${k}: ${payload}`;
          // The inline mark: the open suggestion's words, struck and inserted, in the text.
          const mark = `${row} .cell.fr .sug-mark[data-suggestion="${open[i]}"]`;
          expect(await seen(page, `${mark} del`), where).toBe(`fin${k}`);
          expect(await seen(page, `${mark} ins`), where).toBe(payload);
          // Around it, the accepted payload, now the paragraph's own text.
          expect(await seen(page, `${row} .cell.fr`), where).toBe(corrected(k).replace(`fin${k}`, `fin${k}${payload}`));
          // The card: the change, the note, the thread, and the reviewer's actions.
          const card = `${row} .suggestion-card[data-suggestion="${open[i]}"]`;
          expect(await seen(page, `${card} .card-change ins`), where).toBe(payload);
          expect(await seen(page, `${card} .card-change`), where).toBe(`…${corrected(k).slice(0, corrected(k).indexOf(`fin${k}`)).slice(-40)}fin${k}${payload} vient.…`);
          expect(await seen(page, `${card} .card-note`), where).toBe(payload);
          expect(await page.locator(`${card} .thread li`).count(), where).toBe(1);
          expect(await seen(page, `${card} .thread li p`), where).toBe(payload);
          expect(await page.locator(`${card} .card-actions button.accept`).count(), where).toBe(1);
          // Rejected and accepted suggestions have no card.
          expect(await page.locator(`.suggestion-card[data-suggestion="${rejected[i]}"], .suggestion-card[data-suggestion="${accepted[i]}"]`).count()).toBe(0);
          await page.locator(mark).hover();
          await page.locator(mark).click();
          await page.locator(`${card}.focused`).waitFor();
          await page.locator(`${card} .card-actions button.reject`).click();
          await page.locator(`${card} form.reject-form`).waitFor();
          await page.locator(`${card} .card-actions button.reject`).click();

          // The history: the accepted change, its note, and the original against the text.
          await page.locator(`${row} .row-tools button.tool`, { hasText: "History" }).click();
          const panel = `${row} .history-panel`;
          await page.locator(`${panel} .revisions li`).first().waitFor();
          expect(await page.locator(`${panel} .revisions li`).count(), where).toBe(1);
          expect(await seen(page, `${panel} .revisions li .card-note`), where).toBe(payload);
          // The diff shows the changed words in context; with the whole paragraph it reads as the
          // text after the change once the deleted words are left out, and as the text before
          // once the inserted ones are.
          expect(await sides(page, `${panel} .rev-diff .vv-diff`), where).toEqual({ before: paragraph(k), after: corrected(k) });
          expect(await page.locator(`${panel} .revisions li button`, { hasText: "Revert this change" }).count(), where).toBe(1);
          await page.locator(`${panel} .original-switch button`, { hasText: "Original vs corrected" }).click();
          expect(await sides(page, `${panel} .original-text`), where).toEqual({ before: paragraph(k), after: corrected(k) });
          await page.locator(`${panel} .original-switch button`, { hasText: "Show the original" }).click();
          expect(await seen(page, `${panel} .original-text`), where).toBe(paragraph(k));
          expect(await page.locator(injectedIn(panel)).count(), where).toBe(0);
          await page.locator(`${panel} .panel-head button`).click();
          await page.locator(panel).waitFor({ state: "detached" });
        }
        // No element came out of any of it, and no script outside the page's own (the rejected
        // suggestions, reasons and all, travel escaped in the page's data, self.__next_f).
        expect(await page.locator(injectedIn(".rows")).count()).toBe(0);
        expect(
          await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes("window.__xss") && !s.textContent.includes("__next_f")).length),
        ).toBe(0);
        // The keys reach the cards too: next suggestion, then history of the current paragraph.
        await page.keyboard.press("n");
        await page.keyboard.press("j");
        await page.keyboard.press("h");
        await page.locator(".history-panel").first().waitFor();
      });
    });

    it.each(modes)("the audit log shows the rejection reasons as text (bypassCSP: $bypassCSP)", async ({ bypassCSP }) => {
      await visit("/admin/audit", { bypassCSP }, async (page) => {
        const rows = page.locator('tr[data-action="suggestion.reject"]');
        expect(await rows.count()).toBe(PAYLOADS.length);
        const reasons = (await rows.locator('[data-detail="reason"]').allTextContents()).map((d) => d.replace(/^; reason: /, ""));
        expect(reasons.sort()).toEqual([...PAYLOADS].sort());
        expect(await page.locator(injectedIn("table.audit tbody")).count()).toBe(0);
      });
    });
  });
});

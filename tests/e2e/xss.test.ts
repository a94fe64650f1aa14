/// Stored and reflected script injection, in real Chromium: markup stored in every field a person
/// can write today (paragraphs, titles, licence and provenance of an imported document; the
/// name typed at sign-in and the forwarded address, which the audit log shows) is displayed as
/// text and never runs, on every page that shows it. Each page is opened twice: with the
/// Content-Security-Policy bypassed, so that escaping alone is tested, and with it, where any
/// blocked script would also show as a policy violation.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { addUser, signIn } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { postDocument } from "../http/helpers";
import { hydrated, newContext, serverAndBrowser } from "./helpers";

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
  const env = serverAndBrowser();
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

  /// Opens a page (signed in as the admin unless `visitor`), lets `interact` poke at it, and
  /// checks that no payload ran: no window.__xss, no dialog, no script-src violation, no error.
  async function visit(path: string, options: { bypassCSP: boolean; visitor?: boolean }, interact: (page: Page) => Promise<void>) {
    const context = await newContext(env.browser, { bypassCSP: options.bypassCSP });
    if (!options.visitor) await context.addCookies([{ name: "vv_session", value: adminToken, url: env.server.url }]);
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
});

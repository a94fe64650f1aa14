/// Accounts in real Chromium: signing in and out with the login form, being sent back where one
/// was going (and never to another site), and an admin's day: adding a person, changing their
/// role, signing them out everywhere, reading the audit log, closing reading to visitors.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { addUser, signIn, TEST_PASSWORD } from "../support/accounts";
import { chromiumAvailable } from "../support/browser";
import { describeIfAvailable } from "../support/requirements";
import { hydrated, newContext, serverAndBrowser, WAIT_MS } from "./helpers";

const ADMIN = "ada";
const READER = "rhea";

describeIfAvailable("Chromium", chromiumAvailable())("accounts (Chromium)", () => {
  const env = serverAndBrowser();
  let adminToken: string;
  beforeAll(async () => {
    await addUser(env.server.dataDir, ADMIN, "admin");
    await addUser(env.server.dataDir, READER, "reader");
    adminToken = await signIn(env.server.url, ADMIN);
  });

  const url = (path: string) => `${env.server.url}${path}`;

  /// A page in a context of its own, signed in with `token` if given.
  async function open(path: string, token?: string): Promise<Page> {
    const context = await newContext(env.browser);
    if (token) await context.addCookies([{ name: "vv_session", value: token, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(url(path));
    return page;
  }

  /// Fills and sends the login form on the current page.
  async function signInWithForm(page: Page, name: string, password: string) {
    await hydrated(page, "form.stack-form button[type=submit]");
    await page.getByLabel("User name").fill(name);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  const headerText = (page: Page) => page.locator(".site-header .account").innerText();
  const navLinks = (page: Page) => page.locator(".site-nav a").allInnerTexts();
  const sessionCookie = async (context: BrowserContext) => (await context.cookies(env.server.url)).find((c) => c.name === "vv_session");

  it("a wrong password shows the error; the right one signs in and the header says who and as what", async () => {
    const page = await open("/login");
    try {
      await signInWithForm(page, ADMIN, "not my password");
      const error = page.locator(".notice.error");
      await error.waitFor();
      expect(await error.innerText()).toBe("Wrong user name or password.");
      expect(page.url()).toBe(url("/login"));
      expect(await sessionCookie(page.context())).toBeUndefined();

      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(url("/"));
      await page.locator(".signed-in").waitFor();
      expect(await page.locator(".signed-in").innerText()).toBe(`Signed in as ${ADMIN} (admin)`);
      expect(await navLinks(page)).toEqual(["Documents", "Glossary", "Import", "Users", "Audit log"]);
      const cookie = await sessionCookie(page.context());
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("Lax");
    } finally {
      await page.context().close();
    }
  });

  it("a reader sees no admin links, and signing out returns to a visitor's header", async () => {
    const page = await open("/login");
    try {
      await signInWithForm(page, READER, TEST_PASSWORD);
      await page.waitForURL(url("/"));
      await page.locator(".signed-in").waitFor();
      expect(await page.locator(".signed-in").innerText()).toBe(`Signed in as ${READER} (reader)`);
      expect(await navLinks(page)).toEqual(["Documents", "Glossary"]);
      const token = (await sessionCookie(page.context()))!.value;
      // An admin page tells them plainly that their role does not allow it.
      await page.goto(url("/admin/users"));
      await page.getByRole("heading", { name: "Not allowed", level: 1 }).waitFor();
      expect(await page.locator("main").innerText()).toContain("Your account’s role does not allow this page.");
      expect(await page.locator(`tr[data-user]`).count()).toBe(0);
      await page.goto(url("/"));

      await hydrated(page, ".account button");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.locator(".account").getByRole("link", { name: "Sign in" }).waitFor();
      expect(await page.locator(".signed-in").count()).toBe(0);
      expect(await sessionCookie(page.context())).toBeUndefined();
      await page.reload();
      expect(await headerText(page)).toBe("Sign in");
      // The session is over on the server too, not just forgotten by the browser.
      const res = await fetch(url("/api/users"), { headers: { cookie: `vv_session=${token}` } });
      expect(res.status).toBe(401);
    } finally {
      await page.context().close();
    }
  });

  it("a visitor opening /admin/users is sent to sign in, then back to /admin/users", async () => {
    const page = await open("/admin/users");
    try {
      await page.waitForURL(url("/login?next=%2Fadmin%2Fusers"));
      await signInWithForm(page, ADMIN, TEST_PASSWORD);
      await page.waitForURL(url("/admin/users"));
      await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
      expect(await page.locator(`tr[data-user="${ADMIN}"]`).count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it("never returns to another site after signing in", async () => {
    for (const next of ["//evil.example", "/\\evil.example", "https://evil.example/"]) {
      const page = await open(`/login?next=${encodeURIComponent(next)}`);
      const elsewhere: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(env.server.url)) elsewhere.push(r.url());
      });
      try {
        await signInWithForm(page, READER, TEST_PASSWORD);
        await page.waitForURL(url("/"));
        await page.locator(".signed-in").waitFor();
        expect(page.url(), next).toBe(url("/"));
        expect(elsewhere, next).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  });

  it("an admin adds a corrector, makes them a reviewer, signs them out everywhere, and finds it all in the audit log", async () => {
    const NAME = "nouveau";
    const PASSWORD = "the new person's password";
    const admin = await open("/admin/users", adminToken);
    let other: Page | undefined;
    try {
      await hydrated(admin, "form.inline-form button[type=submit]");
      const form = admin.getByRole("form", { name: "Add a user" });
      await form.getByLabel("User name").fill(NAME);
      await form.getByLabel("Password").fill(PASSWORD);
      await form.getByLabel("Role").selectOption("corrector");
      await form.getByRole("button", { name: "Add" }).click();
      await form.getByText(`Account “${NAME}” created.`).waitFor();
      const row = admin.locator(`tr[data-user="${NAME}"]`);
      await row.waitFor();
      expect(await row.locator("td").first().innerText()).toBe(NAME);
      expect(await row.getByLabel("Role").inputValue()).toBe("corrector");
      expect(await form.getByLabel("User name").inputValue()).toBe(""); // the form is ready for the next person

      // A new role: pick it, then confirm with the button.
      await hydrated(admin, `tr[data-user="${NAME}"] select`);
      const change = row.getByRole("button", { name: "Change role" });
      expect(await change.isDisabled()).toBe(true);
      await row.getByLabel("Role").selectOption("reviewer");
      await change.click();
      await row.getByText(`${NAME} is now reviewer.`).waitFor();
      await admin.reload();
      expect(await admin.locator(`tr[data-user="${NAME}"]`).getByLabel("Role").inputValue()).toBe("reviewer");

      // They sign in elsewhere.
      other = await open("/login");
      await signInWithForm(other, NAME, PASSWORD);
      await other.waitForURL(url("/"));
      await other.locator(".signed-in").waitFor();
      expect(await other.locator(".signed-in").innerText()).toBe(`Signed in as ${NAME} (reviewer)`);

      // The admin sees the open session and ends it.
      await admin.reload();
      const fresh = admin.locator(`tr[data-user="${NAME}"]`);
      expect(await fresh.locator("td").nth(3).innerText()).toBe("1");
      await hydrated(admin, `tr[data-user="${NAME}"] td:last-child button`);
      await fresh.getByRole("button", { name: "Sign out everywhere" }).click();
      await fresh.getByText("1 session ended.").waitFor();
      await admin.waitForFunction(
        (n) => document.querySelector(`tr[data-user="${n}"] td:nth-child(4)`)?.textContent === "0",
        NAME,
        { timeout: WAIT_MS },
      );

      // Their next request finds them signed out.
      await other.reload();
      expect(await headerText(other)).toBe("Sign in");
      expect(await other.locator(".signed-in").count()).toBe(0);

      // The audit log names each step.
      await admin.goto(url("/admin/audit"));
      const entry = (action: string) => admin.locator(`tr[data-action="${action}"]`).filter({ hasText: NAME }).first();
      expect(await entry("user.create").locator("td").allInnerTexts()).toEqual([
        expect.any(String),
        ADMIN,
        "created an account",
        NAME,
        "127.0.0.1", // where the admin's browser was
        "role: corrector",
      ]);
      expect((await entry("user.role").locator("td").allInnerTexts()).slice(1)).toEqual([
        ADMIN,
        "changed a role",
        NAME,
        "127.0.0.1",
        "corrector → reviewer",
      ]);
      expect((await entry("login").locator("td").allInnerTexts()).slice(1, 4)).toEqual([NAME, "signed in", NAME]);
      expect((await entry("user.sessions.end").locator("td").allInnerTexts()).slice(1)).toEqual([
        ADMIN,
        "ended sessions",
        NAME,
        "127.0.0.1",
        "1 session ended",
      ]);
      // Newest first: the order they happened in, read upwards.
      const actions = await admin
        .locator("tbody tr")
        .filter({ hasText: NAME })
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
      expect(actions).toEqual(["user.sessions.end", "login", "user.role", "user.create"]);
    } finally {
      await other?.context().close();
      await admin.context().close();
    }
  });

  it("turning off reading for visitors sends a fresh visitor to sign in; turning it on lets them read again", async () => {
    const admin = await open("/admin/users", adminToken);
    const setting = admin.getByLabel("Visitors without an account may read documents");
    const visitorLands = async () => {
      const visitor = await open("/");
      try {
        await visitor.waitForLoadState("domcontentloaded");
        return visitor.url();
      } finally {
        await visitor.context().close();
      }
    };
    try {
      await hydrated(admin, 'input[name="publicReading"]');
      expect(await setting.isChecked()).toBe(true);
      // The box follows the server: it changes once the setting is saved, not before.
      await setting.click();
      await admin.locator(".settings").getByText("Saved.").waitFor();
      expect(await setting.isChecked()).toBe(false);
      expect(await visitorLands()).toBe(url("/login?next=%2F"));

      await admin.reload();
      expect(await setting.isChecked()).toBe(false); // stored, not just shown
      await hydrated(admin, 'input[name="publicReading"]');
      await setting.click();
      await admin.locator(".settings").getByText("Saved.").waitFor();
      expect(await setting.isChecked()).toBe(true);
      expect(await visitorLands()).toBe(url("/"));
    } finally {
      await admin.context().close();
      // Whatever happened above, leave reading open.
      await fetch(url("/api/settings"), {
        method: "PUT",
        headers: { "content-type": "application/json", origin: env.server.url, cookie: `vv_session=${adminToken}` },
        body: JSON.stringify({ publicReading: true }),
      });
    }
  });
});

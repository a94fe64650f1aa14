/// Signing in and out over HTTP against the production server: the session cookie's attributes,
/// answers that never say whether a name exists, session fixation, sessions ended by sign-out
/// and by an admin, throttling of password guessing, the Origin check on every state-changing
/// route, body limits, what the audit log records, the one-time setup link the server prints,
/// and the Content-Security-Policy of pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listUsers } from "@/server/auth/users";
import { openDatabase } from "@/server/db/connection";
import { addUser, signIn, TEST_PASSWORD } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { api, getPage, importForm, postWithoutFinishing, rawPost, SEED, sessionCookieSet, signedInAs, smallDocument, textOf, visibleMarkup, type Answer } from "./helpers";

let server: RunningServer;
let adminCookie: string;
const ids: Record<string, number> = {};

// The accounts: an admin who acts, and people who sign in.
const ADMIN = "ada";
const READER = "bea";
const CORRECTOR = "cleo";
const VICTIM = "victim";

beforeAll(async () => {
  // As behind one reverse proxy: the test stands for it, telling the client's address in
  // X-Forwarded-For (what a client forges without a trusted proxy: tests/http/forwarded.test.ts).
  server = await startServer({ TRUSTED_PROXY_HOPS: "1" });
  await addUser(server.dataDir, ADMIN, "admin");
  await addUser(server.dataDir, READER, "reader");
  await addUser(server.dataDir, CORRECTOR, "corrector");
  await addUser(server.dataDir, VICTIM, "reviewer");
  adminCookie = `vv_session=${await signIn(server.url, ADMIN)}`;
  for (const u of (await api(server.url, "GET", "/api/users", { cookie: adminCookie })).body.users) ids[u.name] = u.id;
});
afterAll(async () => {
  await server?.stop();
});

const login = (name: string, password: string, init: { cookie?: string; headers?: Record<string, string>; origin?: string | null } = {}) =>
  api(server.url, "POST", "/api/auth/login", { ...init, body: { name, password } });

/// The one Set-Cookie line for the session cookie, split into its attributes.
function sessionCookieLine(answer: Answer): { value: string; attributes: Map<string, string> } {
  const lines = answer.headers.getSetCookie().filter((l) => l.startsWith("vv_session="));
  expect(lines).toHaveLength(1);
  const [first, ...rest] = lines[0].split(";").map((p) => p.trim());
  const attributes = new Map(
    rest.map((p) => {
      const [k, ...v] = p.split("=");
      return [k.toLowerCase(), v.join("=")] as [string, string];
    }),
  );
  return { value: first.slice("vv_session=".length), attributes };
}

/// Whether a session token is accepted: GET /api/users answers 401 to no session, and 200 or
/// 403 (by role) to a live one.
const sessionStatus = async (token: string) => (await api(server.url, "GET", "/api/users", { cookie: `vv_session=${token}` })).status;

const audit = async (action: string) => {
  const { status, body } = await api(server.url, "GET", `/api/audit?action=${action}`, { cookie: adminCookie });
  expect(status).toBe(200);
  return body.entries as { id: number; at: string; actor: string | null; action: string; target: string | null; detail: any; address: string | null }[];
};
const userNames = async () => (await api(server.url, "GET", "/api/users", { cookie: adminCookie })).body.users.map((u: { name: string }) => u.name);

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the whole site, expiring in 14 days, and not Secure over plain http", async () => {
    const answer = await login(READER, TEST_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ user: { id: ids[READER], name: READER, role: "reader" } });
    const { value, attributes } = sessionCookieLine(answer);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(attributes.has("httponly")).toBe(true);
    expect(attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(attributes.get("path")).toBe("/");
    expect(attributes.has("secure")).toBe(false);
    const expires = Date.parse(attributes.get("expires") ?? "");
    expect(expires - Date.now()).toBeGreaterThan(14 * 24 * 3600 * 1000 - 60_000);
    expect(expires - Date.now()).toBeLessThan(14 * 24 * 3600 * 1000 + 60_000);
    expect(await signedInAs(server.url, `vv_session=${value}`)).toBe(READER);
  });

  it("is Secure behind a proxy that says the request came over https", async () => {
    // The browser talks HTTPS to the proxy, so its Origin is https too.
    const answer = await login(READER, TEST_PASSWORD, { headers: { "x-forwarded-proto": "https" }, origin: server.url.replace("http:", "https:") });
    expect(answer.status).toBe(200);
    expect(sessionCookieLine(answer).attributes.has("secure")).toBe(true);
  });
});

describe("wrong credentials", () => {
  it("get 401 with one generic message, whether the password is wrong or the name unknown", async () => {
    const wrongPassword = await login(READER, "not the password at all");
    const unknownName = await login("nobody-by-this-name", "not the password at all");
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error: { code: "invalidCredentials", message: "Wrong user name or password.", params: {} } });
    expect({ status: unknownName.status, body: unknownName.body }).toEqual({ status: wrongPassword.status, body: wrongPassword.body });
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(unknownName.headers.getSetCookie()).toEqual([]);
  });
});

describe("sessions", () => {
  it("a planted session id is never adopted: signing in gives a new one and the planted one stays worthless", async () => {
    const planted = "attacker-chosen-value";
    const answer = await login(ADMIN, TEST_PASSWORD, { cookie: `vv_session=${planted}` });
    expect(answer.status).toBe(200);
    const { value } = sessionCookieLine(answer);
    expect(value).not.toBe(planted);
    expect(value).not.toContain(planted);
    expect(await sessionStatus(planted)).toBe(401);
    expect(await sessionStatus(value)).toBe(200);
  });

  it("signing in as B ends the session of A that the browser still held", async () => {
    const tokenA = await signIn(server.url, READER);
    expect(await sessionStatus(tokenA)).toBe(403); // a live reader session
    const answer = await login(CORRECTOR, TEST_PASSWORD, { cookie: `vv_session=${tokenA}` });
    expect(answer.status).toBe(200);
    const tokenB = sessionCookieLine(answer).value;
    expect(tokenB).not.toBe(tokenA);
    expect(await sessionStatus(tokenA)).toBe(401);
    expect(await signedInAs(server.url, `vv_session=${tokenA}`)).toBeNull();
    expect(await signedInAs(server.url, `vv_session=${tokenB}`)).toBe(CORRECTOR);
  });

  it("signing out ends the session on the server and clears the cookie", async () => {
    const token = await signIn(server.url, ADMIN);
    expect(await sessionStatus(token)).toBe(200);
    const answer = await api(server.url, "POST", "/api/auth/logout", { cookie: `vv_session=${token}` });
    expect(answer.status).toBe(204);
    const { value, attributes } = sessionCookieLine(answer);
    expect(value).toBe("");
    expect(attributes.get("max-age")).toBe("0");
    expect(attributes.get("path")).toBe("/");
    // The old cookie, kept by a careless or hostile client, is worth nothing.
    expect(await sessionStatus(token)).toBe(401);
    expect(await signedInAs(server.url, `vv_session=${token}`)).toBeNull();
    expect((await audit("logout"))[0]).toMatchObject({ actor: ADMIN, target: ADMIN });
  });

  it("an admin signing a user out everywhere makes every cookie of theirs useless, and it is logged", async () => {
    const phone = await signIn(server.url, CORRECTOR);
    const laptop = await signIn(server.url, CORRECTOR);
    expect(await sessionStatus(phone)).toBe(403);
    expect(await sessionStatus(laptop)).toBe(403);
    const open = (await api(server.url, "GET", "/api/users", { cookie: adminCookie })).body.users.find(
      (u: { name: string }) => u.name === CORRECTOR,
    ).sessions;
    expect(open).toBeGreaterThanOrEqual(2);
    const answer = await api(server.url, "DELETE", `/api/users/${ids[CORRECTOR]}/sessions`, {
      cookie: adminCookie,
      headers: { "x-forwarded-for": "192.0.2.44" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ended: open });
    expect(await sessionStatus(phone)).toBe(401);
    expect(await sessionStatus(laptop)).toBe(401);
    expect(await signedInAs(server.url, `vv_session=${phone}`)).toBeNull();
    // The admin's own session is untouched.
    expect(await sessionStatus(adminCookie.slice("vv_session=".length))).toBe(200);
    const [entry] = await audit("user.sessions.end");
    expect(entry).toMatchObject({ actor: ADMIN, target: CORRECTOR, detail: { sessions: open }, address: "192.0.2.44" });
  });
});

describe("password guessing", () => {
  it("after 5 wrong passwords for one account, the 6th attempt is refused with 429 and Retry-After, even with the right password", async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await login(VICTIM, `wrong guess number ${i}`)).status, `guess ${i}`).toBe(401);
    }
    for (const name of [VICTIM, "VICTIM"]) {
      const answer = await login(name, TEST_PASSWORD);
      expect(answer.status, name).toBe(429);
      expect(answer.body.error.code).toBe("throttled");
      expect(answer.body.error.message).toBe("Too many failed sign-ins. Try again in 15 minutes.");
      const retryAfter = Number(answer.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect((await audit("login.throttled"))[0]).toMatchObject({ target: VICTIM });
    // Other accounts are not locked out with it.
    expect((await login(READER, TEST_PASSWORD)).status).toBe(200);
  });

  it("after 20 failures from one address, whatever the names, that address is refused with 429; another is not", async () => {
    const from = (address: string) => ({ headers: { "x-forwarded-for": address } });
    for (let i = 1; i <= 20; i++) {
      expect((await login(`guess-${i}`, "some password", from("203.0.113.50"))).status, `attempt ${i}`).toBe(401);
    }
    const refused = await login(READER, TEST_PASSWORD, from("203.0.113.50"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.getSetCookie()).toEqual([]);
    // Behind one trusted proxy only the address it appended counts (the rightmost): what a client
    // wrote in front of it is not believed, so it can neither borrow nor frame another address.
    expect((await login(READER, TEST_PASSWORD, from("10.0.0.1, 203.0.113.50"))).status).toBe(429);
    expect((await login(READER, TEST_PASSWORD, from("203.0.113.50, 203.0.113.52"))).status).toBe(200);
    expect((await login(READER, TEST_PASSWORD, from("203.0.113.51"))).status).toBe(200);
  });
});

describe("requests from elsewhere", () => {
  const FOREIGN: [string, string | null][] = [
    ["no Origin", null],
    ["a foreign Origin", "https://evil.example"],
    ["Origin null", "null"],
    ["a look-alike Origin", "http://127.0.0.1.evil.example"],
    ["this host on another port", "http://127.0.0.1:1"],
  ];

  /// Everything the routes below could change.
  const snapshot = async () => ({
    users: (await api(server.url, "GET", "/api/users", { cookie: adminCookie })).body.users,
    settings: (await api(server.url, "GET", "/api/settings", { cookie: adminCookie })).body.settings,
    documents: (await api(server.url, "GET", "/api/documents")).body.documents,
    logins: (await audit("login")).length,
  });

  const attempts: [string, (origin: string | null) => Promise<Answer>][] = [
    ["POST /api/auth/login", (origin) => login(ADMIN, TEST_PASSWORD, { origin })],
    ["POST /api/auth/logout", (origin) => api(server.url, "POST", "/api/auth/logout", { cookie: adminCookie, origin })],
    [
      "POST /api/auth/setup",
      (origin) => api(server.url, "POST", "/api/auth/setup", { origin, body: { token: "x", name: "intruder", password: TEST_PASSWORD } }),
    ],
    [
      "POST /api/users",
      (origin) =>
        api(server.url, "POST", "/api/users", { cookie: adminCookie, origin, body: { name: "csrf-made", password: TEST_PASSWORD, role: "admin" } }),
    ],
    ["PATCH /api/users/:id", (origin) => api(server.url, "PATCH", `/api/users/${ids[READER]}`, { cookie: adminCookie, origin, body: { role: "admin" } })],
    ["DELETE /api/users/:id/sessions", (origin) => api(server.url, "DELETE", `/api/users/${ids[READER]}/sessions`, { cookie: adminCookie, origin })],
    ["PUT /api/settings", (origin) => api(server.url, "PUT", "/api/settings", { cookie: adminCookie, origin, body: { publicReading: false } })],
    [
      "POST /api/documents",
      async (origin) => {
        const headers: Record<string, string> = { cookie: adminCookie };
        if (origin !== null) headers.origin = origin;
        const res = await fetch(`${server.url}/api/documents`, {
          method: "POST",
          headers,
          body: importForm({ slug: "csrf-import", ...smallDocument() }),
        });
        return { status: res.status, body: await res.json(), headers: res.headers };
      },
    ],
  ];

  it.each(attempts)("%s is refused with 403 and changes nothing without this site's Origin", async (_, attempt) => {
    const before = await snapshot();
    for (const [what, origin] of FOREIGN) {
      const answer = await attempt(origin);
      expect(answer.status, what).toBe(403);
      expect(answer.body.error.code, what).toBe("foreignOrigin");
      expect(answer.headers.getSetCookie(), what).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await sessionStatus(adminCookie.slice("vv_session=".length))).toBe(200);
  });
});

describe("request bodies", () => {
  const before = async () => (await userNames()).length;

  it("a JSON body over 64 KiB is refused with 413 and creates nothing, declared or streamed", async () => {
    const count = await before();
    const body = new TextEncoder().encode(
      JSON.stringify({ name: "big-body", password: TEST_PASSWORD, role: "reader", padding: "x".repeat(65 * 1024) }),
    );
    const headers = { cookie: adminCookie, origin: server.url, "content-type": "application/json" };
    // Declared too large: refused on its Content-Length, before a byte of it is read.
    const declared = await postWithoutFinishing(`${server.url}/api/users`, [], { ...headers, "content-length": String(body.byteLength) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error).toMatchObject({ code: "tooLarge", message: "The request is too large (limit 64 KB)." });
    // Not declared (chunked): refused as soon as more than 64 KiB has arrived.
    const streamed = await postWithoutFinishing(`${server.url}/api/users`, [body.slice(0, 64 * 1024), body.slice(64 * 1024, 64 * 1024 + 1)], {
      ...headers,
      "transfer-encoding": "chunked",
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text).error.code).toBe("tooLarge");
    // Just under the limit is read and judged on its content (here: created).
    const fits = JSON.stringify({ name: "fits-body", password: TEST_PASSWORD, role: "reader", padding: "x".repeat(60 * 1024) });
    expect((await api(server.url, "POST", "/api/users", { cookie: adminCookie, body: fits })).status).toBe(201);
    expect(await userNames()).not.toContain("big-body");
    expect(await before()).toBe(count + 1);
  });

  it("invalid JSON is refused with 400 badRequest, a field of the wrong kind with 400 invalidField naming it", async () => {
    const count = await before();
    for (const bad of ["{not json", "", '{"name":"half', "\u00ff\u00fe"]) {
      const answer = await api(server.url, "POST", "/api/users", { cookie: adminCookie, body: bad });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body.error.code).toBe("badRequest");
    }
    const cases: [unknown, string][] = [
      [{ name: 5, password: TEST_PASSWORD, role: "reader" }, "name"],
      [{ name: "valid-name", password: TEST_PASSWORD }, "role"],
      [{ name: "valid-name", password: ["a"], role: "reader" }, "password"],
      [[], "body"],
    ];
    for (const [body, field] of cases) {
      const answer = await api(server.url, "POST", "/api/users", { cookie: adminCookie, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "invalidField", message: `“${field}” is not valid.`, params: { field } });
    }
    const settings = await api(server.url, "PUT", "/api/settings", { cookie: adminCookie, body: { publicReading: "no" } });
    expect(settings.status).toBe(400);
    expect(settings.body.error.params.field).toBe("publicReading");
    expect(await before()).toBe(count);
    expect(await userNames()).not.toContain("valid-name");
  });
});

describe("the audit log", () => {
  it("records sign-ins, failed sign-ins, role changes and imports with who, when and from where", async () => {
    const started = Date.now() - 1000;
    const within = (at: string) => Date.parse(at) >= started && Date.parse(at) <= Date.now() + 1000;

    expect((await login(READER, TEST_PASSWORD, { headers: { "x-forwarded-for": "198.51.100.1" } })).status).toBe(200);
    expect((await login("Mallory", "a guessed password", { headers: { "x-forwarded-for": "198.51.100.2" } })).status).toBe(401);
    const role = await api(server.url, "PATCH", `/api/users/${ids[READER]}`, {
      cookie: adminCookie,
      body: { role: "terminologist" },
      headers: { "x-forwarded-for": "198.51.100.3" },
    });
    expect(role.status).toBe(200);
    expect(role.body).toEqual({ user: { id: ids[READER], name: READER, role: "terminologist" }, previousRole: "reader" });
    const upload = new Response(importForm({ slug: "audited-import", ...smallDocument() }));
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const res = await rawPost(`${server.url}/api/documents`, [bytes], {
      cookie: adminCookie,
      origin: server.url,
      "content-type": upload.headers.get("content-type")!,
      "x-forwarded-for": "198.51.100.4",
    });
    expect(res.status).toBe(201);

    const [login_] = await audit("login");
    expect(login_).toMatchObject({ actor: READER, target: READER, address: "198.51.100.1" });
    expect(within(login_.at)).toBe(true);
    const [failed] = await audit("login.failed");
    expect(failed).toMatchObject({ actor: null, target: "mallory", address: "198.51.100.2" });
    expect(within(failed.at)).toBe(true);
    const [changed] = await audit("user.role");
    expect(changed).toMatchObject({ actor: ADMIN, target: READER, detail: { from: "reader", to: "terminologist" }, address: "198.51.100.3" });
    expect(within(changed.at)).toBe(true);
    const [importEntry] = await audit("document.import");
    expect(importEntry).toMatchObject({ actor: ADMIN, target: "audited-import", detail: { status: "created" }, address: "198.51.100.4" });
    expect(within(importEntry.at)).toBe(true);

    // The whole log, newest first, holds them in the order they happened.
    const { body } = await api(server.url, "GET", "/api/audit?limit=500", { cookie: adminCookie });
    const order = [importEntry.id, changed.id, failed.id, login_.id];
    expect(body.entries.map((e: { id: number }) => e.id).filter((id: number) => order.includes(id))).toEqual(order);

    await api(server.url, "PATCH", `/api/users/${ids[READER]}`, { cookie: adminCookie, body: { role: "reader" } });
  });
});

describe("the first admin", () => {
  let fresh: RunningServer;
  beforeAll(async () => {
    fresh = await startServer();
  });
  afterAll(async () => {
    await fresh?.stop();
  });

  const accounts = async () => {
    const db = await openDatabase({ dataDir: fresh.dataDir });
    try {
      return (await listUsers(db.kysely)).map(({ name, role }) => ({ name, role }));
    } finally {
      await db.close();
    }
  };
  const setup = (body: unknown) => api(fresh.url, "POST", "/api/auth/setup", { body });

  it("is created once through the link the server prints; a wrong token and a second use are refused", async () => {
    // The link is printed on start while no account exists.
    let link: RegExpExecArray | null = null;
    for (let i = 0; i < 50 && !link; i++) {
      link = /(http:\/\/localhost:(\d+))\/setup\?token=([A-Za-z0-9_-]+)/.exec(fresh.log());
      if (!link) await new Promise((r) => setTimeout(r, 100));
    }
    expect(link, `no setup link in the server's output:\n${fresh.log()}`).not.toBeNull();
    const [, , port, token] = link!;
    expect(port).toBe(new URL(fresh.url).port);

    // A wrong token: no form, refused, nothing created, and the real link still works after it.
    const wrongPage = await getPage(`${fresh.url}/setup?token=not-the-token`);
    expect(wrongPage.status).toBe(200);
    expect(textOf(wrongPage.html)).toContain("This setup link is not valid any more");
    expect(visibleMarkup(wrongPage.html)).not.toContain('name="password"');
    const wrong = await setup({ token: "not-the-token", name: "first-admin", password: TEST_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("setupClosed");
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await accounts()).toEqual([]);

    // The right one shows the form.
    const page = await getPage(`${fresh.url}/setup?token=${token}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Create the first admin");
    expect(visibleMarkup(page.html)).toMatch(/<input[^>]*name="name"/);
    expect(visibleMarkup(page.html)).toMatch(/<input[^>]*type="password"[^>]*name="password"/);

    // A refused password does not spend the token.
    const weak = await setup({ token, name: "first-admin", password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe("weakPassword");
    expect(await accounts()).toEqual([]);

    const created = await setup({ token, name: "first-admin", password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ name: "first-admin", role: "admin" });
    const session = sessionCookieSet(created.headers);
    expect(session).toBeTruthy();
    const asAdmin = await api(fresh.url, "GET", "/api/users", { cookie: `vv_session=${session}` });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.users.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([["first-admin", "admin"]]);
    const audit = await api(fresh.url, "GET", "/api/audit?action=setup.admin", { cookie: `vv_session=${session}` });
    expect(audit.body.entries[0]).toMatchObject({ actor: "first-admin", target: "first-admin" });

    // The link is spent.
    const again = await setup({ token, name: "second-admin", password: TEST_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("setupClosed");
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await accounts()).toEqual([{ name: "first-admin", role: "admin" }]);
    const spentPage = await getPage(`${fresh.url}/setup?token=${token}`);
    expect(textOf(spentPage.html)).toContain("This setup link is not valid any more");
    expect(visibleMarkup(spentPage.html)).not.toContain('name="password"');
  });
});

describe("Content-Security-Policy", () => {
  const pages = () => [
    { path: "/", cookie: undefined },
    { path: `/documents/${SEED}`, cookie: undefined },
    { path: "/login", cookie: undefined },
    { path: "/admin/users", cookie: adminCookie },
    { path: "/import", cookie: adminCookie },
  ];

  it("pages allow only scripts carrying this response's nonce, and every script tag carries it", async () => {
    const nonces = new Set<string>();
    for (const { path, cookie } of pages()) {
      const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy");
      expect(csp, path).toBeTruthy();
      const directives = new Map(
        csp!
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values] as [string, string[]]),
      );
      const scriptSrc = directives.get("script-src")!;
      expect(scriptSrc, path).toBeDefined();
      const nonce = scriptSrc.map((v) => /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(v)?.[1]).find(Boolean)!;
      expect(nonce, `${path}: ${scriptSrc.join(" ")}`).toBeTruthy();
      expect(scriptSrc).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(directives.get("base-uri")).toEqual(["'self'"]);
      expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
      nonces.add(nonce);

      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // A fresh nonce every response.
    expect(nonces.size).toBe(pages().length);
  });
});

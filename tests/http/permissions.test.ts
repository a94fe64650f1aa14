/// Who may do what, over HTTP against the production server: every write route and every admin
/// read tried by a visitor and by each of the five roles, read from one table. A refused attempt
/// must change nothing; guessed ids must not tell a non-admin whether they exist; pages that
/// need an account send visitors to sign in and show "Not allowed" to a role without the right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { addUser, signIn } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { api, getPage, postDocument, SEED, signedInAs, smallDocument, textOf, type Answer } from "./helpers";

type Who = "visitor" | Role;
const WHO: Who[] = ["visitor", ...ROLES];

/// What each caller gets. Columns: visitor, reader, corrector, reviewer, terminologist, admin.
/// 401: sign in first; 403: your role does not allow this; 2xx: done.
// prettier-ignore
const MATRIX = {
  "import a document         POST   /api/documents":          [401, 403, 403, 403, 403, 201],
  "create a user            POST   /api/users":              [401, 403, 403, 403, 403, 201],
  "change a role            PATCH  /api/users/:id":          [401, 403, 403, 403, 403, 200],
  "end a user's sessions    DELETE /api/users/:id/sessions": [401, 403, 403, 403, 403, 200],
  "change settings          PUT    /api/settings":           [401, 403, 403, 403, 403, 200],
  "list users               GET    /api/users":              [401, 403, 403, 403, 403, 200],
  "read the audit log       GET    /api/audit":              [401, 403, 403, 403, 403, 200],
  "read settings            GET    /api/settings":           [401, 403, 403, 403, 403, 200],
} satisfies Record<string, [number, number, number, number, number, number]>;
type Operation = keyof typeof MATRIX;

/// Pages that need more than reading. Columns as above; 307 is "sent to /login?next=<page>".
// prettier-ignore
const PAGES = {
  "/import":      [307, 403, 403, 403, 403, 200],
  "/admin/users": [307, 403, 403, 403, 403, 200],
  "/admin/audit": [307, 403, 403, 403, 403, 200],
} satisfies Record<string, [number, number, number, number, number, number]>;

let server: RunningServer;
const cookies = {} as Record<Role, string>;
let targetCookie: string;
let targetId: number;
const ids = {} as Record<Role, number>;

/// The account the role and session routes act on: a reader with one open session.
const TARGET = "target-person";
const nameOf = (role: Role) => `${role}-account`;
const cookieOf = (who: Who) => (who === "visitor" ? undefined : cookies[who]);

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) await addUser(server.dataDir, nameOf(role), role);
  await addUser(server.dataDir, TARGET, "reader");
  await Promise.all(ROLES.map(async (role) => (cookies[role] = `vv_session=${await signIn(server.url, nameOf(role))}`)));
  targetCookie = `vv_session=${await signIn(server.url, TARGET)}`;
  const { body } = await api(server.url, "GET", "/api/users", { cookie: cookies.admin });
  for (const u of body.users as { id: number; name: string; role: Role }[]) {
    if (u.name === TARGET) targetId = u.id;
    else ids[u.role] = u.id;
  }
  expect(targetId).toBeGreaterThan(0);
});
afterAll(async () => {
  await server?.stop();
});

// What the routes change, read as an admin (or as anyone, for the public document list).
const users = async () => {
  const { status, body } = await api(server.url, "GET", "/api/users", { cookie: cookies.admin });
  expect(status).toBe(200);
  return (body.users as { name: string; role: Role; sessions: number }[]).map(({ name, role, sessions }) => ({ name, role, sessions }));
};
const target = async () => (await users()).find((u) => u.name === TARGET)!;
const documentSlugs = async () => {
  const { status, body } = await api(server.url, "GET", "/api/documents", { cookie: cookies.admin });
  expect(status).toBe(200);
  return (body.documents as { slug: string }[]).map((d) => d.slug).sort();
};
const settings = async () => (await api(server.url, "GET", "/api/settings", { cookie: cookies.admin })).body.settings;

interface Case {
  /// Makes the attempt as `who` (cookie undefined for a visitor).
  attempt(cookie: string | undefined, who: Who): Promise<Answer>;
  /// The data the attempt would change: a refused attempt must leave it as it was.
  state(): Promise<unknown>;
  /// For an allowed attempt: checks that the change happened, then undoes it.
  done?(answer: Answer, who: Who): Promise<void>;
}

const CASES: Record<Operation, Case> = {
  "import a document         POST   /api/documents": {
    attempt: (cookie, who) =>
      postDocument(server.url, { slug: `imported-by-${who}`, ...smallDocument() }, { headers: cookie ? { cookie } : {} }).then(
        (r) => ({ ...r, headers: new Headers() }),
      ),
    state: documentSlugs,
    done: async (answer, who) => {
      expect(answer.body.result).toMatchObject({ slug: `imported-by-${who}`, status: "created" });
      expect(await documentSlugs()).toContain(`imported-by-${who}`);
    },
  },
  "create a user            POST   /api/users": {
    attempt: (cookie, who) =>
      api(server.url, "POST", "/api/users", { cookie, body: { name: `made-by-${who}`, password: "a long enough password", role: "admin" } }),
    state: users,
    done: async (answer, who) => {
      expect(answer.body.user).toMatchObject({ name: `made-by-${who}`, role: "admin" });
      expect((await users()).map((u) => u.name)).toContain(`made-by-${who}`);
    },
  },
  // A refused attempt tries to make the target an admin; the admin's makes them a corrector.
  "change a role            PATCH  /api/users/:id": {
    attempt: (cookie, who) =>
      api(server.url, "PATCH", `/api/users/${targetId}`, { cookie, body: { role: who === "admin" ? "corrector" : "admin" } }),
    state: target,
    done: async (answer) => {
      expect(answer.body).toMatchObject({ user: { name: TARGET, role: "corrector" }, previousRole: "reader" });
      expect((await target()).role).toBe("corrector");
      expect((await api(server.url, "PATCH", `/api/users/${targetId}`, { cookie: cookies.admin, body: { role: "reader" } })).status).toBe(200);
    },
  },
  // The target's session must survive a refused attempt (its cookie still signs them in).
  "end a user's sessions    DELETE /api/users/:id/sessions": {
    attempt: (cookie) => api(server.url, "DELETE", `/api/users/${targetId}/sessions`, { cookie }),
    state: async () => ({ target: await target(), signedIn: await signedInAs(server.url, targetCookie) }),
    done: async (answer) => {
      expect(answer.body).toEqual({ ended: 1 });
      expect((await target()).sessions).toBe(0);
      expect(await signedInAs(server.url, targetCookie)).toBeNull();
      targetCookie = `vv_session=${await signIn(server.url, TARGET)}`;
    },
  },
  "change settings          PUT    /api/settings": {
    attempt: (cookie) => api(server.url, "PUT", "/api/settings", { cookie, body: { publicReading: false } }),
    state: settings,
    done: async (answer) => {
      expect(answer.body.settings).toMatchObject({ publicReading: false });
      expect(await settings()).toMatchObject({ publicReading: false });
      expect((await api(server.url, "PUT", "/api/settings", { cookie: cookies.admin, body: { publicReading: true } })).status).toBe(200);
    },
  },
  "list users               GET    /api/users": {
    attempt: (cookie) => api(server.url, "GET", "/api/users", { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(answer.body.users.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining([TARGET, nameOf("admin")]));
      expect(JSON.stringify(answer.body)).not.toMatch(/scrypt|password/i);
    },
  },
  "read the audit log       GET    /api/audit": {
    attempt: (cookie) => api(server.url, "GET", "/api/audit", { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(answer.body.entries.some((e: { action: string; actor: string }) => e.action === "login" && e.actor === TARGET)).toBe(true);
    },
  },
  "read settings            GET    /api/settings": {
    attempt: (cookie) => api(server.url, "GET", "/api/settings", { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(Object.keys(answer.body)).toEqual(["settings"]);
      expect(answer.body.settings).toMatchObject({ publicReading: true });
    },
  },
};

describe.each(Object.keys(MATRIX) as Operation[])("%s", (operation) => {
  const expected = MATRIX[operation];
  it.each(WHO.map((who, i) => ({ who, status: expected[i] })))("as $who → $status", async ({ who, status }) => {
    const c = CASES[operation];
    const before = await c.state();
    const answer = await c.attempt(cookieOf(who), who);
    expect(answer.status).toBe(status);
    if (status === 401) {
      expect(answer.body.error.code).toBe("signInRequired");
      expect(answer.body.error.message).toBe("Please sign in first.");
    } else if (status === 403) {
      expect(answer.body.error.code).toBe("forbidden");
      expect(answer.body.error.message).toBe("Your role does not allow this.");
    }
    if (status >= 400) {
      // The refusal carries nothing but the error, and changed nothing.
      expect(Object.keys(answer.body)).toEqual(["error"]);
      expect(await c.state()).toEqual(before);
    } else {
      await c.done!(answer, who);
    }
  });
});

describe("no one promotes themselves", () => {
  it.each(ROLES.filter((r) => r !== "admin"))("a %s asking to become admin is refused and stays what they were", async (role) => {
    const answer = await api(server.url, "PATCH", `/api/users/${ids[role]}`, { cookie: cookies[role], body: { role: "admin" } });
    expect(answer.status).toBe(403);
    expect((await users()).find((u) => u.name === nameOf(role))!.role).toBe(role);
  });
});

describe("guessed ids", () => {
  const UNKNOWN = 999999;

  it("answer 404 to an admin for an account that does not exist, and change nothing", async () => {
    const before = await users();
    for (const [method, route, body] of [
      ["PATCH", `/api/users/${UNKNOWN}`, { role: "reader" }],
      ["DELETE", `/api/users/${UNKNOWN}/sessions`, undefined],
      ["PATCH", "/api/users/abc", { role: "reader" }],
      ["DELETE", "/api/users/-1/sessions", undefined],
    ] as const) {
      const answer = await api(server.url, method, route, { cookie: cookies.admin, body });
      expect(answer.status, `${method} ${route}`).toBe(404);
      expect(answer.body.error.code).toBe("unknownUser");
    }
    expect(await users()).toEqual(before);
  });

  it.each(WHO.filter((w) => w !== "admin"))(
    "tell a %s nothing: the same answer for an existing and a made-up id",
    async (who) => {
      const before = await users();
      for (const [method, route, body] of [
        ["PATCH", (id: number) => `/api/users/${id}`, { role: "reader" }],
        ["DELETE", (id: number) => `/api/users/${id}/sessions`, undefined],
      ] as const) {
        const existing = await api(server.url, method, route(targetId), { cookie: cookieOf(who), body });
        const madeUp = await api(server.url, method, route(UNKNOWN), { cookie: cookieOf(who), body });
        expect(existing.status, `${method} existing`).toBe(who === "visitor" ? 401 : 403);
        expect({ status: madeUp.status, body: madeUp.body }).toEqual({ status: existing.status, body: existing.body });
      }
      expect(await users()).toEqual(before);
    },
  );
});

describe.each(Object.keys(PAGES) as (keyof typeof PAGES)[])("page %s", (page) => {
  it.each(WHO.map((who, i) => ({ who, status: PAGES[page][i] })))("as $who → $status", async ({ who, status }) => {
    const res = await fetch(`${server.url}${page}`, { headers: cookieOf(who) ? { cookie: cookieOf(who)! } : {}, redirect: "manual" });
    expect(res.status).toBe(status);
    const html = await res.text();
    if (status === 307) {
      const location = new URL(res.headers.get("location")!, server.url);
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("next")).toBe(page);
    } else if (status === 403) {
      // The refusal's text travels in the page's payload: like notFound(), forbidden() gets an
      // empty server-rendered shell that the client fills in (see tests/http/pages.test.ts).
      expect(html).toContain("Your account’s role does not allow this page.");
      // Nothing of what the page guards leaks into the refusal.
      expect(html).not.toContain(TARGET);
      expect(html).not.toContain('name="fr"');
    } else {
      // (The payload of every page carries the refusal page, ready for the client: look at the markup.)
      expect(textOf(html)).not.toContain("Not allowed");
      expect(html).toContain(page === "/import" ? 'name="fr"' : page === "/admin/users" ? TARGET : 'data-action="login"');
    }
  });
});

describe("public reading turned off", () => {
  const setPublicReading = async (value: boolean) => {
    const answer = await api(server.url, "PUT", "/api/settings", { cookie: cookies.admin, body: { publicReading: value } });
    expect(answer.status).toBe(200);
    expect(answer.body.settings.publicReading).toBe(value);
  };

  it("sends visitors to sign in while a reader still reads; turning it on again opens reading to all", async () => {
    await setPublicReading(false);
    try {
      for (const route of ["/api/documents", `/api/documents/${SEED}`, `/api/documents/${SEED}/export?format=txt&lang=fr`]) {
        const visitor = await api(server.url, "GET", route);
        expect(visitor.status, `visitor ${route}`).toBe(401);
        expect(visitor.body.error.code).toBe("signInRequired");
        const reader = await api(server.url, "GET", route, { cookie: cookies.reader });
        expect(reader.status, `reader ${route}`).toBe(200);
      }
      for (const page of ["/", `/documents/${SEED}`]) {
        const res = await fetch(`${server.url}${page}`, { redirect: "manual" });
        expect([303, 307], `visitor ${page}`).toContain(res.status);
        const location = new URL(res.headers.get("location")!, server.url);
        expect(location.pathname).toBe("/login");
        expect(location.searchParams.get("next")).toBe(page);
        // What the document says never reaches a visitor.
        expect(await res.text()).not.toContain("DeepSeek");
      }
      const readerHome = await getPage(`${server.url}/`, { cookie: cookies.reader });
      expect(readerHome.status).toBe(200);
      expect(readerHome.html).toContain(`data-slug="${SEED}"`);
      expect((await getPage(`${server.url}/documents/${SEED}`, { cookie: cookies.reader })).status).toBe(200);
    } finally {
      await setPublicReading(true);
    }
    expect((await api(server.url, "GET", "/api/documents")).status).toBe(200);
    const home = await getPage(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.html).toContain(`data-slug="${SEED}"`);
  });
});

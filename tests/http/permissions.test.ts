/// Who may do what, over HTTP against the production server: every write route (accounts,
/// settings, import, and each step of the correction workflow) and every admin read tried by a
/// visitor and by each of the five roles, read from one table. A refused attempt must change
/// nothing; guessed ids must not tell a non-admin whether they exist, and an id of another
/// document is unknown under this one's address; pages that need an account send visitors to sign
/// in and show "Not allowed" to a role without the right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { addUser, signIn } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { api, getPage, postDocument, rawPost, SEED, signedInAs, smallDocument, textOf, type Answer } from "./helpers";

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
  // The correction workflow, on the seed document (:doc): suggesting and commenting need
  // "suggest"/"comment" (corrector, reviewer, terminologist, admin), deciding needs "review" and
  // undoing a decision "revert" (reviewer, admin); presence needs an account of any role.
  "suggest                  POST   :doc/suggestions":             [401, 403, 201, 201, 201, 201],
  "accept a suggestion      POST   :doc/suggestions/:id/accept":  [401, 403, 403, 200, 403, 200],
  "reject a suggestion      POST   :doc/suggestions/:id/reject":  [401, 403, 403, 200, 403, 200],
  "accept several           POST   :doc/suggestions/bulk":        [401, 403, 403, 200, 403, 200],
  "reject several           POST   :doc/suggestions/bulk":        [401, 403, 403, 200, 403, 200],
  "comment on a suggestion  POST   :doc/suggestions/:id/comments":[401, 403, 201, 201, 201, 201],
  "revert a change          POST   :doc/revisions/:id/revert":    [401, 403, 403, 200, 403, 200],
  "say which paragraph      POST   :doc/presence":                [401, 204, 204, 204, 204, 204],
  // Reading the corrections is reading: open to all while public reading is on.
  "list suggestions         GET    :doc/suggestions":             [200, 200, 200, 200, 200, 200],
  "read a history           GET    :doc/paragraphs/:n/history":   [200, 200, 200, 200, 200, 200],
  "read the quality score   GET    :doc/quality":                 [200, 200, 200, 200, 200, 200],
  "export the corrections   GET    :doc/corrections?format=csv":  [200, 200, 200, 200, 200, 200],
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
  // The paragraphs the correction cases change: the first two (after the title) that have no
  // shipped open suggestion, so that the shipped ones stay as they are.
  const openParagraphs = new Set((await suggestionsOf(SEED)).filter((s) => s.status === "open").map((s) => s.paragraphId));
  const free = (await rowsOf(SEED)).filter((r) => r.position > 0 && !openParagraphs.has(r.paragraphId));
  expect(free.length).toBeGreaterThanOrEqual(2);
  [P, Q] = [free[0], free[1]];
  shippedOpen = (await suggestionsOf(SEED)).find((s) => s.status === "open")!;
  expect(shippedOpen).toBeDefined();
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

// The correction workflow's data, read through its routes.
interface Row {
  position: number;
  paragraphId: number;
  fr: string;
  revision: number;
}
interface Suggestion {
  id: number;
  paragraphId: number;
  baseRevision: number;
  start: number;
  end: number;
  deleted: string;
  inserted: string;
  status: string;
  author: string;
  decidedBy: string | null;
  reason: string | null;
  comments: { author: string; text: string }[];
}
interface Revision {
  id: number;
  revision: number;
  kind: string;
  textBefore: string;
  textAfter: string;
  suggestionId: number | null;
  revertedByRevision: number | null;
}
const DOC = `/api/documents/${SEED}`;
async function rowsOf(slug: string): Promise<Row[]> {
  const { status, body } = await api(server.url, "GET", `/api/documents/${slug}`, { cookie: cookies.admin });
  expect(status).toBe(200);
  return (body.document.rows as Row[]).map(({ position, paragraphId, fr, revision }) => ({ position, paragraphId, fr, revision }));
}
async function suggestionsOf(slug: string): Promise<Suggestion[]> {
  const { status, body } = await api(server.url, "GET", `/api/documents/${slug}/suggestions`, { cookie: cookies.admin });
  expect(status).toBe(200);
  return body.suggestions;
}
async function historyOf(slug: string, position: number): Promise<Revision[]> {
  const { status, body } = await api(server.url, "GET", `/api/documents/${slug}/paragraphs/${position}/history`, { cookie: cookies.admin });
  expect(status).toBe(200);
  return body.history.revisions;
}
/// Everything a correction step may change in a document: every suggestion (status, span,
/// thread, decision) and every paragraph's text and revision.
const corrections = async (slug = SEED) => ({ suggestions: await suggestionsOf(slug), rows: await rowsOf(slug) });

/// The two seed paragraphs the cases change (see beforeAll), and a shipped open suggestion.
let P: Row;
let Q: Row;
let shippedOpen: Suggestion;
/// A suggestion that rewrites the whole paragraph at `position` of `slug` into its text as
/// shipped plus `[label]`. Replacing whole paragraphs keeps accepted fixes from recurring
/// anywhere else (they would be offered there too) and keeps every fresh suggestion valid
/// against the paragraph's current text, whatever was accepted before.
const shipped = new Map<string, string>();
async function wholeParagraphFix(position: number, label: string, slug = SEED) {
  const row = (await rowsOf(slug)).find((r) => r.position === position)!;
  if (!shipped.has(`${slug}#${position}`)) shipped.set(`${slug}#${position}`, row.fr);
  const base = shipped.get(`${slug}#${position}`)!;
  return {
    paragraphId: row.paragraphId,
    baseRevision: row.revision,
    fixes: [{ start: 0, end: row.fr.length, deleted: row.fr, inserted: `${base} [${label}]` }],
    category: "style",
    severity: "minor",
    note: `note ${label}`,
  };
}
/// A fresh open suggestion, made by the corrector, for a case that consumes one.
async function freshSuggestion(position: number, label: string, slug = SEED): Promise<Suggestion> {
  const answer = await api(server.url, "POST", `/api/documents/${slug}/suggestions`, {
    cookie: cookies.corrector,
    body: await wholeParagraphFix(position, label, slug),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.suggestions).toHaveLength(1);
  return answer.body.suggestions[0];
}
/// An accepted change, ready to revert: a fresh suggestion accepted by the admin.
async function acceptedChange(position: number, label: string, slug = SEED): Promise<Revision> {
  const s = await freshSuggestion(position, label, slug);
  const answer = await api(server.url, "POST", `/api/documents/${slug}/suggestions/${s.id}/accept`, { cookie: cookies.admin });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.propagated).toEqual([]);
  const [newest] = await historyOf(slug, position);
  expect(newest).toMatchObject({ kind: "accept", suggestionId: s.id, revertedByRevision: null });
  return newest;
}
const statusOf = async (id: number) => (await suggestionsOf(SEED)).find((s) => s.id === id)!;

interface Case {
  /// Makes what the attempt needs (a fresh open suggestion, an accepted change), before the
  /// state is read: whatever it makes belongs to the state a refusal must keep.
  prepare?(who: Who): Promise<any>;
  /// Makes the attempt as `who` (cookie undefined for a visitor).
  attempt(cookie: string | undefined, who: Who, prepared: any): Promise<Answer>;
  /// The data the attempt would change: a refused attempt must leave it as it was.
  state(): Promise<unknown>;
  /// For an allowed attempt: checks that the change happened, then undoes it.
  done?(answer: Answer, who: Who, prepared: any): Promise<void>;
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
  "suggest                  POST   :doc/suggestions": {
    attempt: async (cookie, who) =>
      api(server.url, "POST", `${DOC}/suggestions`, { cookie, body: await wholeParagraphFix(P.position, `suggested by ${who}`) }),
    state: corrections,
    done: async (answer, who) => {
      expect(answer.body.suggestions).toHaveLength(1);
      const [made] = answer.body.suggestions as Suggestion[];
      expect(made).toMatchObject({ paragraphId: P.paragraphId, status: "open", author: nameOf(who as Role), inserted: `${P.fr} [suggested by ${who}]` });
      expect(await statusOf(made.id)).toEqual(made);
    },
  },
  "accept a suggestion      POST   :doc/suggestions/:id/accept": {
    prepare: (who) => freshSuggestion(P.position, `to accept, tried by ${who}`),
    attempt: (cookie, _who, s: Suggestion) => api(server.url, "POST", `${DOC}/suggestions/${s.id}/accept`, { cookie }),
    state: corrections,
    done: async (answer, who, s: Suggestion) => {
      expect(answer.body.suggestion).toMatchObject({ id: s.id, status: "accepted", decidedBy: nameOf(who as Role) });
      expect(answer.body.paragraph).toEqual({ id: P.paragraphId, position: P.position, text: s.inserted, revision: s.baseRevision + 1 });
      expect(answer.body.propagated).toEqual([]);
      expect((await rowsOf(SEED)).find((r) => r.paragraphId === P.paragraphId)).toMatchObject({ fr: s.inserted, revision: s.baseRevision + 1 });
      expect((await statusOf(s.id)).status).toBe("accepted");
    },
  },
  "reject a suggestion      POST   :doc/suggestions/:id/reject": {
    prepare: (who) => freshSuggestion(P.position, `to reject, tried by ${who}`),
    attempt: (cookie, who, s: Suggestion) => api(server.url, "POST", `${DOC}/suggestions/${s.id}/reject`, { cookie, body: { reason: `no, says ${who}` } }),
    state: corrections,
    done: async (answer, who, s: Suggestion) => {
      expect(answer.body.suggestion).toMatchObject({ id: s.id, status: "rejected", reason: `no, says ${who}`, decidedBy: nameOf(who as Role) });
      expect(await statusOf(s.id)).toEqual(answer.body.suggestion);
    },
  },
  "accept several           POST   :doc/suggestions/bulk": {
    prepare: async (who) => [await freshSuggestion(P.position, `bulk accept by ${who}`), await freshSuggestion(Q.position, `bulk accept by ${who}`)],
    attempt: (cookie, _who, [a, b]: Suggestion[]) => api(server.url, "POST", `${DOC}/suggestions/bulk`, { cookie, body: { action: "accept", ids: [a.id, b.id] } }),
    state: corrections,
    done: async (answer, who, [a, b]: Suggestion[]) => {
      expect(answer.body).toEqual({ results: [{ id: a.id, ok: true }, { id: b.id, ok: true }] });
      for (const s of [a, b]) expect(await statusOf(s.id)).toMatchObject({ status: "accepted", decidedBy: nameOf(who as Role) });
      const rows = await rowsOf(SEED);
      expect(rows.find((r) => r.paragraphId === P.paragraphId)!.fr).toBe(a.inserted);
      expect(rows.find((r) => r.paragraphId === Q.paragraphId)!.fr).toBe(b.inserted);
    },
  },
  "reject several           POST   :doc/suggestions/bulk": {
    prepare: async (who) => [await freshSuggestion(P.position, `bulk reject by ${who}`), await freshSuggestion(Q.position, `bulk reject by ${who}`)],
    attempt: (cookie, who, [a, b]: Suggestion[]) =>
      api(server.url, "POST", `${DOC}/suggestions/bulk`, { cookie, body: { action: "reject", ids: [a.id, b.id], reason: `not these, says ${who}` } }),
    state: corrections,
    done: async (answer, who, [a, b]: Suggestion[]) => {
      expect(answer.body).toEqual({ results: [{ id: a.id, ok: true }, { id: b.id, ok: true }] });
      for (const s of [a, b]) {
        expect(await statusOf(s.id)).toMatchObject({ status: "rejected", reason: `not these, says ${who}`, decidedBy: nameOf(who as Role) });
      }
    },
  },
  // Commenting consumes nothing: every attempt is on the same shipped open suggestion.
  "comment on a suggestion  POST   :doc/suggestions/:id/comments": {
    attempt: (cookie, who) => api(server.url, "POST", `${DOC}/suggestions/${shippedOpen.id}/comments`, { cookie, body: { text: `a word from ${who}` } }),
    state: corrections,
    done: async (answer, who) => {
      expect(answer.body.suggestion).toMatchObject({ id: shippedOpen.id, status: "open" });
      expect(answer.body.suggestion.comments.at(-1)).toMatchObject({ author: nameOf(who as Role), text: `a word from ${who}` });
      expect((await statusOf(shippedOpen.id)).comments).toEqual(answer.body.suggestion.comments);
    },
  },
  "revert a change          POST   :doc/revisions/:id/revert": {
    prepare: (who) => acceptedChange(P.position, `to revert, tried by ${who}`),
    attempt: (cookie, _who, r: Revision) => api(server.url, "POST", `${DOC}/revisions/${r.id}/revert`, { cookie }),
    state: async () => ({ ...(await corrections()), history: await historyOf(SEED, P.position) }),
    done: async (answer, who, r: Revision) => {
      expect(answer.body.paragraph).toEqual({ id: P.paragraphId, position: P.position, text: r.textBefore, revision: r.revision + 1 });
      const [revert, reverted] = await historyOf(SEED, P.position);
      expect(revert).toMatchObject({ kind: "revert", revision: r.revision + 1, textBefore: r.textAfter, textAfter: r.textBefore, actor: nameOf(who as Role) });
      expect(reverted).toMatchObject({ id: r.id, revertedByRevision: r.revision + 1 });
    },
  },
  // Presence is passed on to the viewers, never stored.
  "say which paragraph      POST   :doc/presence": {
    attempt: (cookie) => api(server.url, "POST", `${DOC}/presence`, { cookie, body: { paragraph: 1 } }),
    state: corrections,
    done: async (answer) => {
      expect(answer.body).toBeNull();
    },
  },
  "list suggestions         GET    :doc/suggestions": {
    attempt: (cookie) => api(server.url, "GET", `${DOC}/suggestions`, { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(answer.body.suggestions.find((s: Suggestion) => s.id === shippedOpen.id)).toMatchObject({ status: "open", paragraphId: shippedOpen.paragraphId });
    },
  },
  "read a history           GET    :doc/paragraphs/:n/history": {
    attempt: (cookie) => api(server.url, "GET", `${DOC}/paragraphs/1/history`, { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(answer.body.history).toMatchObject({ position: 1 });
      expect(answer.body.history.revisions.length).toBeGreaterThan(0);
    },
  },
  "read the quality score   GET    :doc/quality": {
    attempt: (cookie) => api(server.url, "GET", `${DOC}/quality`, { cookie }),
    state: async () => null,
    done: async (answer) => {
      expect(Object.keys(answer.body)).toEqual(["quality"]);
    },
  },
  "export the corrections   GET    :doc/corrections?format=csv": {
    attempt: async (cookie) => {
      const res = await fetch(`${server.url}${DOC}/corrections?format=csv`, { headers: cookie ? { cookie } : {} });
      const text = await res.text();
      return { status: res.status, body: res.ok ? text : JSON.parse(text), headers: res.headers };
    },
    state: async () => null,
    done: async (answer) => {
      expect(answer.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(answer.body.split("\n").length).toBeGreaterThan(100);
    },
  },
};

describe.each(Object.keys(MATRIX) as Operation[])("%s", (operation) => {
  const expected = MATRIX[operation];
  it.each(WHO.map((who, i) => ({ who, status: expected[i] })))("as $who → $status", async ({ who, status }) => {
    const c = CASES[operation];
    const prepared = await c.prepare?.(who);
    const before = await c.state();
    const answer = await c.attempt(cookieOf(who), who, prepared);
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
      await c.done!(answer, who, prepared);
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

describe("ids of another document", () => {
  /// A second document, with a suggestion still open and an accepted change of its own.
  const OTHER = "neighbouring-document";
  let open: Suggestion;
  let change: Revision;
  let paragraph: Row;
  const both = async () => ({ seed: await corrections(SEED), other: await corrections(OTHER), otherHistory: await historyOf(OTHER, 1) });

  beforeAll(async () => {
    const imported = await postDocument(
      server.url,
      {
        slug: OTHER,
        fr: "Un document voisin\nLe voisin parle de la pluie qui tombe.\nLe voisin parle ensuite du beau temps.\n",
        en: "A neighbouring document\nThe neighbour talks of the falling rain.\nThe neighbour then talks of fine weather.\n",
        meta: { ...smallDocument().meta, title: { fr: "Un document voisin", en: "A neighbouring document" } },
      },
      { headers: { cookie: cookies.admin } },
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    change = await acceptedChange(1, "accepted next door", OTHER);
    open = await freshSuggestion(2, "open next door", OTHER);
    paragraph = (await rowsOf(OTHER)).find((r) => r.position === 2)!;
    // Ids are counted across documents: the other document's ids are real ones, only not here.
    expect((await suggestionsOf(SEED)).some((s) => s.id === open.id)).toBe(false);
  });

  /// The answer to a made-up id, for comparison: an id of another document must get the same.
  const unknown = (body: any, code: string, id: number) => {
    expect(body).toEqual({ error: { code, message: expect.any(String), params: { id } } });
  };

  it.each(["reviewer", "admin"] as const)("as %s, accepting or rejecting a suggestion of another document here gets 404, and nothing changes", async (role) => {
    const before = await both();
    for (const [action, body] of [
      ["accept", undefined],
      ["reject", { reason: "guessing" }],
    ] as const) {
      const answer = await api(server.url, "POST", `${DOC}/suggestions/${open.id}/${action}`, { cookie: cookies[role], body });
      expect(answer.status, action).toBe(404);
      unknown(answer.body, "unknownSuggestion", open.id);
      const madeUp = await api(server.url, "POST", `${DOC}/suggestions/999999/${action}`, { cookie: cookies[role], body });
      expect(madeUp.status).toBe(404);
      expect(madeUp.body.error.message).toBe(answer.body.error.message);
    }
    // In bulk, each id is refused on its own, with the same code.
    for (const body of [
      { action: "accept", ids: [open.id] },
      { action: "reject", ids: [open.id], reason: "guessing" },
    ]) {
      const answer = await api(server.url, "POST", `${DOC}/suggestions/bulk`, { cookie: cookies[role], body });
      expect(answer.status).toBe(200);
      expect(answer.body.results).toEqual([{ id: open.id, ok: false, code: "unknownSuggestion", message: expect.any(String) }]);
    }
    expect(await both()).toEqual(before);
  });

  it.each(["corrector", "admin"] as const)("as %s, commenting a suggestion of another document here gets 404, and nothing changes", async (role) => {
    const before = await both();
    const answer = await api(server.url, "POST", `${DOC}/suggestions/${open.id}/comments`, { cookie: cookies[role], body: { text: "guessing" } });
    expect(answer.status).toBe(404);
    unknown(answer.body, "unknownSuggestion", open.id);
    expect(await both()).toEqual(before);
  });

  it.each(["reviewer", "admin"] as const)("as %s, reverting a change of another document here gets 404, and nothing changes", async (role) => {
    const before = await both();
    const answer = await api(server.url, "POST", `${DOC}/revisions/${change.id}/revert`, { cookie: cookies[role] });
    expect(answer.status).toBe(404);
    unknown(answer.body, "unknownRevision", change.id);
    expect(await both()).toEqual(before);
  });

  it.each(["corrector", "admin"] as const)("as %s, suggesting on a paragraph of another document here gets 404, and nothing is stored", async (role) => {
    const before = await both();
    // The fix is right for that paragraph: only its document is wrong.
    const answer = await api(server.url, "POST", `${DOC}/suggestions`, {
      cookie: cookies[role],
      body: {
        paragraphId: paragraph.paragraphId,
        baseRevision: paragraph.revision,
        fixes: [{ start: 0, end: 2, deleted: "Le", inserted: "Ce" }],
        category: "style",
        severity: "minor",
        note: "guessing",
      },
    });
    expect(answer.status).toBe(404);
    unknown(answer.body, "unknownParagraph", paragraph.paragraphId);
    expect(await both()).toEqual(before);
  });

  it("made-up and malformed ids get 404 too, and nothing changes", async () => {
    const before = await both();
    for (const id of ["999999", "0", "-1", "abc", "1.5"]) {
      for (const [route, body, code] of [
        [`${DOC}/suggestions/${id}/accept`, undefined, "unknownSuggestion"],
        [`${DOC}/suggestions/${id}/reject`, { reason: "guessing" }, "unknownSuggestion"],
        [`${DOC}/suggestions/${id}/comments`, { text: "guessing" }, "unknownSuggestion"],
        [`${DOC}/revisions/${id}/revert`, undefined, "unknownRevision"],
      ] as const) {
        const answer = await api(server.url, "POST", route, { cookie: cookies.admin, body });
        expect(answer.status, route).toBe(404);
        expect(answer.body.error.code, route).toBe(code);
      }
    }
    expect(await both()).toEqual(before);
  });

  it("the same ids work under their own document's address", async () => {
    const rejected = await api(server.url, "POST", `/api/documents/${OTHER}/suggestions/${open.id}/reject`, { cookie: cookies.reviewer, body: { reason: "fine here" } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.suggestion).toMatchObject({ id: open.id, status: "rejected" });
    const reverted = await api(server.url, "POST", `/api/documents/${OTHER}/revisions/${change.id}/revert`, { cookie: cookies.reviewer });
    expect(reverted.status).toBe(200);
    expect(reverted.body.paragraph.text).toBe(change.textBefore);
  });

  it.each(WHO.filter((w) => w !== "reviewer" && w !== "admin"))(
    "tell a %s nothing: accepting an existing, a foreign and a made-up suggestion get the same refusal",
    async (who) => {
      const before = await both();
      const answers = [];
      for (const id of [shippedOpen.id, open.id, 999999]) {
        const a = await api(server.url, "POST", `${DOC}/suggestions/${id}/accept`, { cookie: cookieOf(who) });
        answers.push({ status: a.status, body: a.body });
      }
      expect(answers[0].status).toBe(who === "visitor" ? 401 : 403);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(await both()).toEqual(before);
    },
  );
});

describe("an oversized suggestion", () => {
  const LIMIT = 64 * 1024;
  /// A valid suggestion padded with spaces (still valid JSON) to `size` bytes.
  const padded = async (label: string, size: number) => {
    const json = JSON.stringify(await wholeParagraphFix(Q.position, label));
    expect(Buffer.byteLength(json)).toBeLessThan(size);
    return json + " ".repeat(size - Buffer.byteLength(json));
  };
  const headers = () => ({ origin: server.url, cookie: cookies.admin, "content-type": "application/json" });

  it("is refused with 413 past 64 KiB, declared or not, and nothing is stored", async () => {
    const before = await corrections();
    const declared = await api(server.url, "POST", `${DOC}/suggestions`, { cookie: cookies.admin, body: await padded("too large", LIMIT + 1) });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("tooLarge");
    // Sent in chunks with no Content-Length, the server counts as it reads.
    const body = new TextEncoder().encode(await padded("too large, chunked", 4 * LIMIT));
    const chunks = Array.from({ length: 16 }, (_, i) => body.subarray((i * body.length) / 16, ((i + 1) * body.length) / 16));
    const chunked = await rawPost(`${server.url}${DOC}/suggestions`, chunks, headers());
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text).error.code).toBe("tooLarge");
    expect(await corrections()).toEqual(before);
  });

  it("is taken at exactly 64 KiB", async () => {
    const answer = await api(server.url, "POST", `${DOC}/suggestions`, { cookie: cookies.admin, body: await padded("just fits", LIMIT) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.suggestions[0]).toMatchObject({ status: "open", note: "note just fits" });
  });
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

/// The checks routes over HTTP against the production server: who may read flags, switch rules
/// and dismiss flags (a visitor and each of the five roles); refused or bad requests change
/// nothing; and a viewer's live stream brings a paragraph's new flags when its text changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { DocumentChecks, FlagView } from "@/lib/flags/view";
import { addUser, signIn } from "../support/accounts";
import { startServer, type RunningServer } from "../support/server";
import { SseStream } from "../support/sse";
import { api, SEED } from "./helpers";

type Who = "visitor" | Role;
const WHO: Who[] = ["visitor", ...ROLES];
const DOC = `/api/documents/${SEED}`;

let server: RunningServer;
const cookies = {} as Record<Role, string>;
const cookieOf = (who: Who) => (who === "visitor" ? undefined : cookies[who]);

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) await addUser(server.dataDir, `${role}-checks`, role);
  await Promise.all(ROLES.map(async (role) => (cookies[role] = `vv_session=${await signIn(server.url, `${role}-checks`)}`)));
});
afterAll(async () => {
  await server?.stop();
});

async function checks(): Promise<DocumentChecks> {
  const a = await api(server.url, "GET", `${DOC}/checks`);
  expect(a.status).toBe(200);
  return a.body.checks;
}
const allFlags = (c: DocumentChecks) => c.paragraphs.flatMap((p) => p.flags);
const dismissalOf = (f: FlagView) => ({ paragraphId: f.paragraphId, revision: f.revision, rule: f.rule, start: f.start, end: f.end });
const stored = async () => {
  const c = await checks();
  return { dismissed: allFlags(c).filter((f) => f.dismissal).map((f) => f.key), rules: c.rules.filter((r) => !r.enabled).map((r) => r.id) };
};

describe("checks routes", () => {
  it("let everyone read flags while reading is public", async () => {
    for (const who of WHO) {
      const a = await api(server.url, "GET", `${DOC}/checks`, { cookie: cookieOf(who) });
      expect(a.status, who).toBe(200);
    }
    const c = await checks();
    expect(allFlags(c).length).toBeGreaterThan(0);
    expect(c.rules.length).toBeGreaterThan(10);
    expect(["idle", "running", "done", "failed", "unavailable"]).toContain(c.job.status);
    expect((await api(server.url, "GET", "/api/documents/no-such-document/checks")).status).toBe(404);
  });

  it("let only reviewers and admins switch rules and dismiss flags; refusals change nothing", async () => {
    const before = await stored();
    const c = await checks();
    const flag = allFlags(c).find((f) => !f.dismissal)!;
    const rule = flag.rule;
    const wasOn = c.rules.find((r) => r.id === rule)!.enabled;
    // Columns: visitor, reader, corrector, reviewer, terminologist, admin.
    const expected: Record<Who, [number, number]> = { visitor: [401, 401], reader: [403, 403], corrector: [403, 403], reviewer: [200, 201], terminologist: [403, 403], admin: [200, 201] };
    for (const who of WHO) {
      const [ruleStatus, dismissStatus] = expected[who];
      const off = await api(server.url, "PUT", `${DOC}/checks/rules`, { cookie: cookieOf(who), body: { rule, enabled: !wasOn } });
      expect(off.status, `${who} switches a rule`).toBe(ruleStatus);
      const d = await api(server.url, "POST", `${DOC}/flags/dismissals`, { cookie: cookieOf(who), body: { ...dismissalOf(flag), reason: `said by ${who}` } });
      expect(d.status, `${who} dismisses`).toBe(dismissStatus);
      if (d.status === 201) {
        // Undo, so the next role finds the flag open again.
        const id = (d.body.paragraph.flags as FlagView[]).find((f) => f.key === flag.key)!.dismissal!.id;
        expect((await api(server.url, "DELETE", `${DOC}/flags/dismissals/${id}`, { cookie: cookieOf("reader") })).status).toBe(403);
        expect((await api(server.url, "DELETE", `${DOC}/flags/dismissals/${id}`, { cookie: cookieOf(who) })).status).toBe(200);
        await api(server.url, "PUT", `${DOC}/checks/rules`, { cookie: cookieOf(who), body: { rule, enabled: wasOn } });
      } else {
        expect(await stored(), `${who} changed nothing`).toEqual(before);
      }
    }
    expect(await stored()).toEqual(before);
    // Without this site's Origin, a reviewer's request is refused too.
    const foreign = await api(server.url, "PUT", `${DOC}/checks/rules`, { cookie: cookies.reviewer, body: { rule, enabled: false }, origin: "http://elsewhere.example" });
    expect(foreign.status).toBe(403);
    expect((await api(server.url, "DELETE", `${DOC}/flags/dismissals/1`, { cookie: cookies.reviewer, origin: null })).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("answer bad requests with a clear error and store nothing", async () => {
    const before = await stored();
    const flag = allFlags(await checks()).find((f) => !f.dismissal)!;
    const as = { cookie: cookies.reviewer };
    const cases: [string, string, unknown, number, string][] = [
      ["PUT", `${DOC}/checks/rules`, { rule: "no/such-rule", enabled: false }, 404, "unknownRule"],
      ["PUT", `${DOC}/checks/rules`, { rule: flag.rule, enabled: "no" }, 400, "invalidField"],
      ["PUT", `${DOC}/checks/rules`, "{not json", 400, "badRequest"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag), reason: "   " }, 400, "reasonRequired"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag) }, 400, "invalidField"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag), start: flag.start + 1, reason: "x" }, 409, "flagGone"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag), revision: flag.revision + 5, reason: "x" }, 409, "flagGone"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag), paragraphId: 999_999, reason: "x" }, 404, "unknownParagraph"],
      ["POST", `${DOC}/flags/dismissals`, { ...dismissalOf(flag), reason: "x".repeat(2001) }, 400, "invalidField"],
      ["DELETE", `${DOC}/flags/dismissals/999999`, undefined, 404, "unknownDismissal"],
      ["DELETE", `${DOC}/flags/dismissals/abc`, undefined, 404, "unknownDismissal"],
    ];
    for (const [method, route, body, status, code] of cases) {
      const a = await api(server.url, method, route, { ...as, body });
      expect(a.status, `${method} ${route} ${JSON.stringify(body)?.slice(0, 60)}`).toBe(status);
      expect(a.body.error.code).toBe(code);
      expect(a.body.error.message).toMatch(/\w/);
    }
    expect(await stored()).toEqual(before);
  });

  it("send a viewer the new flags of a paragraph whose text changed, and a dismissal at once", async () => {
    const c = await checks();
    // A flag with a fix: accepting the fix changes the paragraph's text, so its flags change.
    const flag = allFlags(c).find((f) => f.replacement !== undefined && !f.dismissal && !f.rule.startsWith("glossary/"))
      ?? allFlags(c).find((f) => f.replacement !== undefined && !f.dismissal && f.evidence?.fr !== undefined)!;
    const rows = (await api(server.url, "GET", DOC)).body.document.rows as { paragraphId: number; fr: string; revision: number }[];
    const row = rows.find((r) => r.paragraphId === flag.paragraphId)!;
    const stream = await SseStream.open(`${server.url}${DOC}/events`);
    try {
      const other = allFlags(c).find((f) => !f.dismissal && f.key !== flag.key)!;
      await api(server.url, "POST", `${DOC}/flags/dismissals`, { cookie: cookies.admin, body: { ...dismissalOf(other), reason: "fine here" } });
      const dismissed = await stream.waitFor((e) => e.event === "flags.updated" && e.data.paragraphs.some((p: { flags: FlagView[] }) => p.flags.some((f) => f.key === other.key && f.dismissal?.reason === "fine here")));
      expect(dismissed.id).toBeGreaterThan(0);

      const s = await api(server.url, "POST", `${DOC}/suggestions`, {
        cookie: cookies.reviewer,
        body: { paragraphId: flag.paragraphId, baseRevision: row.revision, fixes: [{ start: flag.start, end: flag.end, deleted: row.fr.slice(flag.start, flag.end), inserted: flag.replacement }], category: "style", severity: "minor" },
      });
      expect(s.status).toBe(201);
      const accepted = await api(server.url, "POST", `${DOC}/suggestions/${s.body.suggestions[0].id}/accept`, { cookie: cookies.reviewer });
      expect(accepted.status).toBe(200);
      const update = await stream.waitFor(
        (e) => e.event === "flags.updated" && e.data.paragraphs.some((p: { paragraphId: number; revision: number }) => p.paragraphId === flag.paragraphId && p.revision === row.revision + 1),
        8_000,
        "the paragraph's new flags",
      );
      const now = update.data.paragraphs.find((p: { paragraphId: number }) => p.paragraphId === flag.paragraphId);
      expect(now.flags.some((f: FlagView) => f.rule === flag.rule && f.start === flag.start && f.end === flag.end)).toBe(false);
    } finally {
      await stream.close();
    }
  });
});

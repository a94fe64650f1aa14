/// The quality report and the audit log's readable details, over HTTP from the production server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../support/accounts";
import { call, proposeReplacement, rowsOf } from "../support/corrections";
import { startServer, type RunningServer } from "../support/server";
import { elementsWithClass, getPage, SEED, textOf } from "./helpers";

let server: RunningServer;
const cookies: Record<string, string> = {};
let rejectedId = 0;

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [
    ["cora", "corrector"],
    ["rev", "reviewer"],
    ["rita", "reader"],
    ["adam", "admin"],
  ] as const)
    cookies[name] = await sessionCookieFor(server, name, role);
  const rows = await rowsOf(server.url, SEED, cookies.cora);
  const words = rows[3].fr.split(" ");
  const s = await proposeReplacement(server.url, SEED, cookies.cora, 3, words[1], `${words[1]}x`, { category: "fluency/spelling", severity: "minor" });
  rejectedId = s.id;
  const r = await call(server.url, "POST", `/api/documents/${SEED}/suggestions/${s.id}/reject`, cookies.rev, { reason: "the original was right" });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
});

const report = (who?: string) => getPage(`${server.url}/documents/${SEED}/report`, who ? { cookie: cookies[who] } : {});
const correctors = (html: string) => elementsWithClass(html, "article", "corrector-report").map((a) => a.attrs["data-corrector"]);

describe("quality report", () => {
  it("shows a reviewer every corrector, with the rejection and its reason", async () => {
    const { status, html } = await report("rev");
    expect(status).toBe(200);
    const names = correctors(html);
    expect(names).toContain("cora");
    // The shipped corrections count for their authors too.
    expect(names.length).toBeGreaterThan(1);
    const cora = elementsWithClass(html, "article", "corrector-report").find((a) => a.attrs["data-corrector"] === "cora")!;
    expect(textOf(cora.inner)).toContain("the original was right");
    expect(cora.inner).toContain(`href="/documents/${SEED}#s-${rejectedId}"`);
  });

  it("draws the score over time from the shipped accepted fixes", async () => {
    const { html } = await report("rev");
    const chart = elementsWithClass(html, "figure", "score-chart")[0];
    expect(chart).toBeDefined();
    expect(chart.inner).toContain('class="score-line"');
    expect((chart.inner.match(/class="score-point"/g) ?? []).length).toBeGreaterThan(2);
  });

  it("shows a corrector their own figures only", async () => {
    const { status, html } = await report("cora");
    expect(status).toBe(200);
    expect(correctors(html)).toEqual(["cora"]);
  });

  it("is refused to a reader and sends a visitor to sign in", async () => {
    expect((await report("rita")).status).toBe(403);
    const res = await fetch(`${server.url}/documents/${SEED}/report`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/login");
  });
});

describe("audit log", () => {
  it("reads a rejection as its document, linked to the suggestion's card, and its reason", async () => {
    const { status, html } = await getPage(`${server.url}/admin/audit`, { cookie: cookies.adam });
    expect(status).toBe(200);
    const row = elementsWithClass(html, "tr", "").find((r) => r.attrs["data-action"] === "suggestion.reject");
    expect(row).toBeDefined();
    expect(row!.inner).toContain(`href="/documents/${SEED}#s-${rejectedId}"`);
    expect(textOf(row!.inner)).toContain("reason: the original was right");
    expect(row!.inner).not.toContain("{&quot;document&quot;");
  });
});

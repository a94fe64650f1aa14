import { describe, expect, it } from "vitest";
import { applyChecksEvent, flagsOf, isChecksEvent } from "../../../components/checks/checksState";
import { flagClusters, withFlags } from "../../../components/checks/flagRuns";
import type { DocumentChecks, FlagView } from "../../../lib/flags/view";

const flag = (start: number, end: number, over: Partial<FlagView> = {}): FlagView =>
  ({ paragraph: 1, start, end, rule: "r/a", category: "style", severity: "minor", message: { key: "k", params: {} }, key: `1:1:r/a:${start}:${end}`, paragraphId: 1, revision: 1, engine: "fast", dismissal: null, ...over }) as FlagView;

describe("flag marks in a paragraph's runs", () => {
  const text = "Le le chat dort ici.";
  it("split plain text where flags lie, keeping every character once", () => {
    const runs = withFlags([{ kind: "text", text }], [flag(0, 5), flag(11, 15)]);
    expect(runs.map((r) => [r.kind, "text" in r ? r.text : ""])).toEqual([
      ["flag", "Le le"],
      ["text", " chat "],
      ["flag", "dort"],
      ["text", " ici."],
    ]);
  });

  it("merge overlapping flags into one mark, and leave flags across a term or a suggestion to the list", () => {
    expect(flagClusters([flag(3, 8), flag(0, 5), flag(10, 12)]).map((c) => [c.start, c.end, c.flags.length])).toEqual([
      [0, 8, 2],
      [10, 12, 1],
    ]);
    const suggestion = { id: 9, start: 6, end: 10, deleted: "chat", inserted: "chien" } as never;
    const runs = withFlags([{ kind: "text", text: "Le le " }, { kind: "suggestion", suggestion }, { kind: "text", text: " dort ici." }], [flag(0, 5), flag(4, 8), flag(11, 15)]);
    expect(runs.map((r) => r.kind)).toEqual(["text", "suggestion", "text", "flag", "text"]);
    expect(runs.filter((r) => r.kind === "flag").map((r) => (r as { text: string }).text)).toEqual(["dort"]);
  });

  it("pass runs through untouched without flags, and ignore empty flags", () => {
    const runs = [{ kind: "text" as const, text }];
    expect(withFlags(runs, [])).toEqual(runs);
    expect(withFlags(runs, [flag(3, 3)])).toEqual(runs);
  });
});

describe("checks state", () => {
  const state: DocumentChecks = {
    paragraphs: [{ paragraphId: 1, position: 0, revision: 2, flags: [flag(0, 2, { revision: 2 })] }],
    rules: [{ id: "r/a", category: "style", severity: "minor", defaultOn: true, enabled: true, changedBy: null, changedAt: null }],
    job: { engine: "grammalecte", status: "idle", done: 0, total: 0 },
  };
  const on = new Set(["r/a"]);

  it("replace a paragraph's flags with newer ones and ignore a replayed older event", () => {
    const newer = applyChecksEvent(state, { type: "flags.updated", data: { paragraphs: [{ paragraphId: 1, position: 0, revision: 3, flags: [] }] } });
    expect(flagsOf(newer, 1, 3, on)).toEqual([]);
    const older = applyChecksEvent(state, { type: "flags.updated", data: { paragraphs: [{ paragraphId: 1, position: 0, revision: 1, flags: [] }] } });
    expect(flagsOf(older, 1, 2, on)).toHaveLength(1);
  });

  it("show no flags for a text that moved on, nor those of a rule switched off", () => {
    expect(flagsOf(state, 1, 3, on)).toEqual([]);
    expect(flagsOf(state, 1, 2, new Set())).toEqual([]);
  });

  it("take the job's progress and the rules from their events, and only checks events", () => {
    const job = { engine: "grammalecte" as const, status: "running" as const, done: 1, total: 4 };
    expect(applyChecksEvent(state, { type: "checks.job", data: { job } }).job).toEqual(job);
    expect(applyChecksEvent(state, { type: "checks.rules", data: { rules: [] } }).rules).toEqual([]);
    expect(isChecksEvent({ type: "suggestion.accepted" })).toBe(false);
    expect(isChecksEvent({ type: "flags.updated" })).toBe(true);
  });
});

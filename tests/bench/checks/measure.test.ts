import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleRegistry } from "../../../lib/checks";
import { annotatedSet, measure, pointsAt, type Floors, type Measurement } from "../../../bench/checks/measure";
import { findGrammalecte } from "../../../server/checks/grammalecte";
import { findSpeller } from "../../../server/checks/speller";
import { describeIfAvailable } from "../../support/requirements";

const floors = JSON.parse(readFileSync(new URL("../../../bench/checks/floors.json", import.meta.url), "utf8")) as Floors;
const engines = findSpeller() !== undefined && findGrammalecte() !== undefined;

describe("the annotated set", () => {
  it("holds the seed's errors and our own paragraphs, every annotation inside its paragraph", () => {
    const docs = annotatedSet();
    expect(docs).toHaveLength(2);
    expect(docs[0]!.errors.length).toBeGreaterThan(140);
    expect(docs[1]!.fr.length).toBeGreaterThan(80);
    expect(docs[1]!.fr.length).toBe(docs[1]!.en.length);
    for (const doc of docs) for (const e of doc.errors) expect(e.end).toBeLessThanOrEqual(doc.fr[e.paragraph]!.length);
    // Paragraphs with no error at all measure false alarms.
    expect(docs[1]!.fr.filter((_, i) => !docs[1]!.errors.some((e) => e.paragraph === i)).length).toBeGreaterThan(40);
  });

  it("counts a flag as pointing at an error when they overlap (whole sentences only for accuracy and terminology)", () => {
    const flag = { paragraph: 0, start: 0, end: 60, rule: "r", category: "accuracy/omission", severity: "major" as const, message: { key: "k", params: {} } };
    expect(pointsAt(flag, { paragraph: 0, start: 10, end: 12, category: "accuracy/omission" })).toBe(true);
    expect(pointsAt(flag, { paragraph: 0, start: 10, end: 12, category: "fluency/grammar" })).toBe(false);
    expect(pointsAt({ ...flag, end: 5 }, { paragraph: 0, start: 5, end: 5, category: "fluency/grammar" })).toBe(true);
    expect(pointsAt(flag, { paragraph: 1, start: 10, end: 12, category: "accuracy/omission" })).toBe(false);
  });
});

describeIfAvailable("hunspell, hunspell-fr and grammalecte-cli", engines)("precision and recall of the rules", () => {
  let m: Measurement;
  it("measures the annotated set", { timeout: 120_000 }, async () => {
    m = await measure();
    expect(m.engines).toEqual({ speller: true, grammalecte: true });
  });

  it("keeps every rule's precision and recall at least where they were reached (bench/checks/floors.json)", () => {
    for (const [id, floor] of Object.entries(floors.rules)) {
      const s = m.rules[id]!;
      if (floor.precision !== undefined) expect(s.precision ?? 0, `${id} precision`).toBeGreaterThanOrEqual(floor.precision);
      if (floor.recall !== undefined) expect(s.recall ?? 0, `${id} recall`).toBeGreaterThanOrEqual(floor.recall);
    }
    expect(m.overall.precision!).toBeGreaterThanOrEqual(floors.overall.precision);
    expect(m.overall.recall!).toBeGreaterThanOrEqual(floors.overall.recall);
  });

  it("switches off by default every rule under 50 % precision, and only those", () => {
    for (const rule of ruleRegistry) {
      const s = m.rules[rule.id];
      if (!s || s.precision === null) continue;
      expect(rule.defaultOn, `${rule.id}: ${Math.round(s.precision * 100)} %`).toBe(s.precision >= 0.5);
    }
  });

  it("has measured every rule but the learned one on flags of its own", () => {
    const unmeasured = ruleRegistry.filter((r) => !r.id.startsWith("learned/") && !(m.rules[r.id]!.flags > 0));
    expect(unmeasured.map((r) => r.id)).toEqual([]);
  });
});

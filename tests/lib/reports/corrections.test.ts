import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../../../lib/corrections/quality";
import { correctorReports, scoreOverTime, type ReportSuggestion } from "../../../lib/reports/corrections";

let nextId = 1;
function suggestion(over: Partial<ReportSuggestion>): ReportSuggestion {
  return {
    id: nextId++,
    authorName: "ana",
    category: "accuracy/mistranslation",
    severity: "major",
    status: "open",
    createdAt: "2026-11-02T09:00:00.000Z",
    decidedAt: null,
    decidedByName: null,
    reason: null,
    revertedAt: null,
    sameFixAs: null,
    ...over,
  };
}

describe("correctorReports", () => {
  const list = [
    suggestion({ status: "accepted", decidedAt: "2026-11-02T10:00:00.000Z", decidedByName: "rev" }),
    suggestion({ status: "rejected", decidedAt: "2026-11-03T10:00:00.000Z", decidedByName: "rev", reason: "not an error", category: "fluency/grammar", severity: "minor" }),
    suggestion({ status: "open", createdAt: "2026-11-03T08:00:00.000Z" }),
    suggestion({ authorName: "bob", status: "stale", category: "fluency/spelling", severity: "minor" }),
    // Offered by the app after ana's fix was accepted: nobody made it.
    suggestion({ status: "open", sameFixAs: 1 }),
  ];
  const [ana, bob] = correctorReports(list);

  it("counts what each corrector made and what became of it", () => {
    expect(ana.name).toBe("ana");
    expect(ana.totals).toEqual({ made: 3, accepted: 1, rejected: 1, open: 1, stale: 0 });
    expect(ana.acceptanceRate).toBe(0.5);
    expect(bob.totals).toEqual({ made: 1, accepted: 0, rejected: 0, open: 0, stale: 1 });
    expect(bob.acceptanceRate).toBeNull();
  });

  it("splits the figures by category and severity", () => {
    expect(ana.byCategory["accuracy/mistranslation"]).toEqual({ made: 2, accepted: 1, rejected: 0, open: 1, stale: 0 });
    expect(ana.byCategory["fluency/grammar"]).toEqual({ made: 1, accepted: 0, rejected: 1, open: 0, stale: 0 });
    expect(ana.bySeverity.minor?.rejected).toBe(1);
    expect(ana.bySeverity.major?.made).toBe(2);
  });

  it("lists rejections with their reason and reviewer", () => {
    expect(ana.rejections).toEqual([{ id: list[1].id, reason: "not an error", by: "rev", at: "2026-11-03T10:00:00.000Z", category: "fluency/grammar" }]);
  });

  it("gives the figures day by day", () => {
    expect(ana.days).toEqual([
      { day: "2026-11-02", made: 2, accepted: 1, rejected: 0 },
      { day: "2026-11-03", made: 1, accepted: 0, rejected: 1 },
    ]);
  });
});

describe("scoreOverTime", () => {
  it("rises with each accepted error and falls when one is reverted", () => {
    const points = scoreOverTime(
      [
        suggestion({ status: "accepted", severity: "major", decidedAt: "2026-11-02T10:00:00.000Z", revertedAt: "2026-11-04T10:00:00.000Z" }),
        suggestion({ status: "accepted", severity: "minor", decidedAt: "2026-11-03T10:00:00.000Z" }),
        suggestion({ status: "rejected", severity: "critical", decidedAt: "2026-11-03T11:00:00.000Z" }),
      ],
      500,
      DEFAULT_WEIGHTS,
      "2026-11-01T00:00:00.000Z",
    );
    expect(points).toEqual([
      { at: "2026-11-01T00:00:00.000Z", perThousandWords: 0, errors: 0 },
      { at: "2026-11-02T10:00:00.000Z", perThousandWords: 10, errors: 1 },
      { at: "2026-11-03T10:00:00.000Z", perThousandWords: 12, errors: 2 },
      { at: "2026-11-04T10:00:00.000Z", perThousandWords: 2, errors: 1 },
    ]);
  });

  it("keeps one point per instant and scores 0 for a document without words", () => {
    const at = "2026-11-02T10:00:00.000Z";
    const points = scoreOverTime([suggestion({ status: "accepted", decidedAt: at }), suggestion({ status: "accepted", decidedAt: at })], 0, DEFAULT_WEIGHTS, "2026-11-01T00:00:00.000Z");
    expect(points).toEqual([
      { at: "2026-11-01T00:00:00.000Z", perThousandWords: 0, errors: 0 },
      { at, perThousandWords: 0, errors: 2 },
    ]);
  });
});

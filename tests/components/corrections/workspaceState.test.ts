import { describe, expect, it } from "vitest";
import { applyEvent, initialState, markedRuns, openSuggestionsOf, viewersOf, type WorkspaceRow } from "../../../components/corrections/workspaceState";
import type { SuggestionView } from "../../../lib/corrections/views";

const text = "Ils semblent avoir commis l'écart de performance.";
const rows: WorkspaceRow[] = [{ position: 1, paragraphId: 7, fr: text, en: "They seem to have closed the gap.", revision: 1 }];
function suggestion(id: number, deleted: string, inserted: string, over: Partial<SuggestionView> = {}): SuggestionView {
  const start = text.indexOf(deleted);
  return {
    id, paragraphId: 7, paragraph: 1, baseRevision: 1, start, end: start + deleted.length, createdRevision: 1, createdStart: start, createdEnd: start + deleted.length,
    deleted, inserted, category: "style", severity: "minor", note: "", status: "open", author: "a", createdAt: "2026-01-01T00:00:00Z",
    decidedBy: null, decidedAt: null, reason: null, sameFixAs: null, staleBecause: null, revertedAt: null, revertedBy: null, comments: [], supporters: [], ...over,
  };
}

describe("workspace state", () => {
  const commis = suggestion(1, "commis", "comblé");
  const semblent = suggestion(2, "semblent", "paraissent");
  const competing = suggestion(3, "commis", "réduit");
  const start = initialState(rows, [commis, semblent, competing]);
  const accepted = {
    type: "suggestion.accepted" as const,
    data: {
      suggestion: { ...semblent, status: "accepted" as const },
      paragraph: { id: 7, position: 1, text: text.replace("semblent", "paraissent"), revision: 2 },
      change: { start: semblent.start, end: semblent.end, inserted: "paraissent" },
      stale: [],
    },
  };

  it("applies an accepted change: new text, the others moved with it, as the server did", () => {
    const s = applyEvent(start, accepted);
    expect(s.rows[0]).toMatchObject({ fr: text.replace("semblent", "paraissent"), revision: 2 });
    const open = openSuggestionsOf(s, 7);
    expect(open.map((o) => o.id)).toEqual([1, 3]);
    for (const o of open) expect(s.rows[0].fr.slice(o.start, o.end)).toBe("commis");
  });

  it("marks competitors stale when one of them is accepted", () => {
    const s = applyEvent(start, {
      type: "suggestion.accepted",
      data: { suggestion: { ...commis, status: "accepted" }, paragraph: { id: 7, position: 1, text: text.replace("commis", "comblé"), revision: 2 }, change: { start: commis.start, end: commis.end, inserted: "comblé" }, stale: [3] },
    });
    expect(s.suggestions[3]).toMatchObject({ status: "stale", staleBecause: 1 });
    expect(s.suggestions[1].status).toBe("accepted");
  });

  it("ignores an event it has already applied (replay after reconnecting)", () => {
    const once = applyEvent(start, accepted);
    expect(applyEvent(once, accepted)).toEqual(once);
  });

  it("draws non-overlapping suggestions in the text, leaving competitors to the list", () => {
    const runs = markedRuns(text, openSuggestionsOf(start, 7));
    expect(runs.map((r) => (r.kind === "text" ? r.text : `[${r.suggestion.id}]`)).join("")).toBe("Ils [2] avoir [1] l'écart de performance.");
  });

  it("keeps presence for 45 s and forgets who left", () => {
    let s = applyEvent(start, { type: "presence", data: { user: "bob", paragraph: 1 }, receivedAt: 1000 });
    s = applyEvent(s, { type: "presence", data: { user: "me", paragraph: 1 }, receivedAt: 1000 });
    expect(viewersOf(s, 1, "me", 2000)).toEqual(["bob"]);
    expect(viewersOf(s, 1, "me", 50_000)).toEqual([]);
    s = applyEvent(s, { type: "presence", data: { user: "bob", paragraph: null }, receivedAt: 3000 });
    expect(viewersOf(s, 1, "me", 3000)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { proposalGroups, suggestionsOfProposal } from "../../../components/corrections/proposals";
import { applyEvent, initialState, openSuggestionsOf, type WorkspaceRow } from "../../../components/corrections/workspaceState";
import { PROPOSER, type ProposalEvent } from "../../../lib/corrections/proposal";

const rows: WorkspaceRow[] = [
  { position: 1, paragraphId: 7, fr: "Ils ont commis l'écart.", en: "They closed the gap.", revision: 1 },
  { position: 2, paragraphId: 8, fr: "Eux aussi ont commis l'écart.", en: "They too closed it.", revision: 3 },
];
const place = (id: number, paragraphId: number, paragraph: number, revision: number) => {
  const text = rows.find((r) => r.paragraphId === paragraphId)!.fr;
  const start = text.indexOf("commis");
  return { id, paragraphId, paragraph, revision, start, end: start + 6, deleted: "commis", inserted: "comblé" };
};
const event: ProposalEvent = {
  fix: 5,
  credit: "alice",
  category: "accuracy/mistranslation",
  severity: "major",
  note: "",
  createdAt: "2026-01-01T00:00:00.000Z",
  total: 2,
  places: [place(11, 7, 1, 1), place(12, 8, 2, 3)],
};

describe("grouped proposals in the workspace", () => {
  it("turns a proposal summary into open suggestions proposed by the app, credited to the fix's author", () => {
    const [first, second] = suggestionsOfProposal(event);
    expect(first).toMatchObject({ id: 11, paragraphId: 7, status: "open", author: PROPOSER, sameFixAs: 5, sameFixBy: "alice", category: "accuracy/mistranslation", comments: [] });
    expect(second).toMatchObject({ id: 12, baseRevision: 3, deleted: "commis", inserted: "comblé" });
  });

  it("adds the places to their paragraphs from the live event, and groups them by the fix", () => {
    let state = applyEvent(initialState(rows, []), { type: "proposal.created", data: event });
    expect(openSuggestionsOf(state, 8).map((s) => s.id)).toEqual([12]);
    const ordered = Object.values(state.suggestions);
    expect(proposalGroups(ordered).map((g) => [g.fix, g.credit, g.places.map((p) => p.id)])).toEqual([[5, "alice", [11, 12]]]);
    // A place decided since is not reopened by the summary heard again (a replay).
    state = { ...state, suggestions: { ...state.suggestions, 11: { ...state.suggestions[11], status: "rejected" } } };
    state = applyEvent(state, { type: "proposal.created", data: event });
    expect(state.suggestions[11].status).toBe("rejected");
    expect(proposalGroups(Object.values(state.suggestions)).map((g) => g.places.map((p) => p.id))).toEqual([[12]]);
  });
});

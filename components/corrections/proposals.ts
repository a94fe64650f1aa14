/// Grouped proposals on the client, as plain data: the suggestions a "proposal.created" summary
/// stands for, and the open suggestions of a document grouped by the fix they came from.
import { PROPOSER, type ProposalEvent } from "@/lib/corrections/proposal";
import type { SuggestionView } from "@/lib/corrections/views";

/// The open suggestions a proposal summary describes (the shared fields filled in once per place).
export function suggestionsOfProposal(event: ProposalEvent): SuggestionView[] {
  return event.places.map((p) => ({
    id: p.id,
    paragraphId: p.paragraphId,
    paragraph: p.paragraph,
    baseRevision: p.revision,
    start: p.start,
    end: p.end,
    createdRevision: p.revision,
    createdStart: p.start,
    createdEnd: p.end,
    deleted: p.deleted,
    inserted: p.inserted,
    category: event.category,
    severity: event.severity,
    note: event.note,
    status: "open",
    author: PROPOSER,
    createdAt: event.createdAt,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    sameFixAs: event.fix,
    sameFixBy: event.credit,
    staleBecause: null,
    revertedAt: null,
    revertedBy: null,
    comments: [],
    supporters: [],
  }));
}

/// One grouped proposal: the fix it comes from and its open places, in reading order.
export interface ProposalGroup {
  fix: number;
  credit: string | null;
  places: SuggestionView[];
}

/// The open suggestions the app proposed, grouped by the fix they came from (groups in the order
/// of their first place). `ordered` is the document's open suggestions in reading order.
export function proposalGroups(ordered: SuggestionView[]): ProposalGroup[] {
  const groups = new Map<number, ProposalGroup>();
  for (const s of ordered) {
    if (s.sameFixAs === null || s.status !== "open") continue;
    let g = groups.get(s.sameFixAs);
    if (!g) groups.set(s.sameFixAs, (g = { fix: s.sameFixAs, credit: s.sameFixBy ?? null, places: [] }));
    g.places.push(s);
  }
  return [...groups.values()];
}

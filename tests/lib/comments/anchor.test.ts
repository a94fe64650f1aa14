/// The anchoring rules of comment threads: which selections can be anchored, how a thread
/// follows a change to its paragraph, when it goes stale, and where a revert anchors it again.
import { describe, expect, it } from "vitest";
import { anchorAfterRevert, anchorProblem, anchorThrough, MAX_QUOTE_LENGTH, moveAnchor } from "../../../lib/comments/anchor";
import { applyChange } from "../../../lib/corrections/change";
import { byPlace, threadMentions, threadOfHash, type ThreadView } from "../../../lib/comments/view";

const FR = "Ils semblent avoir commis l'écart de performance.";
const EN = "They appear to have closed the performance gap.";
const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, quote: words });

describe("anchorProblem", () => {
  it("takes a span whose words are the quote, in either language", () => {
    expect(anchorProblem(FR, span(FR, "l'écart"))).toBeNull();
    expect(anchorProblem(EN, span(EN, "performance gap"))).toBeNull();
  });
  it("refuses an empty, inverted, out-of-range or mismatched span", () => {
    expect(anchorProblem(FR, { start: 4, end: 4, quote: "" })).toBe("emptySpan");
    expect(anchorProblem(FR, { start: 5, end: 4, quote: "x" })).toBe("emptySpan");
    expect(anchorProblem(FR, { start: -1, end: 3, quote: "Ils" })).toBe("outOfRange");
    expect(anchorProblem(FR, { start: 0, end: FR.length + 1, quote: FR })).toBe("outOfRange");
    expect(anchorProblem(FR, { start: 0.5, end: 3, quote: "Ils" })).toBe("outOfRange");
    expect(anchorProblem(FR, { start: 0, end: 3, quote: "ils" })).toBe("quoteMismatch");
  });
  it("refuses a span cutting a surrogate pair, and one longer than the longest quote", () => {
    const text = "Un 😀 ici";
    expect(anchorProblem(text, { start: 3, end: 4, quote: text.slice(3, 4) })).toBe("outOfRange");
    expect(anchorProblem(text, { start: 3, end: 5, quote: "😀" })).toBeNull();
    const long = "a".repeat(MAX_QUOTE_LENGTH + 1);
    expect(anchorProblem(long, { start: 0, end: long.length, quote: long })).toBe("tooLong");
  });
});

describe("moveAnchor", () => {
  const words = span(FR, "performance");
  it("keeps a thread before the change, shifts one after it by what the change adds or removes", () => {
    expect(moveAnchor(span(FR, "Ils"), { ...span(FR, "commis"), inserted: "comblé davantage" })).toEqual({ kind: "kept" });
    const change = { ...span(FR, "commis"), inserted: "comblé davantage" };
    const move = moveAnchor(words, change);
    expect(move).toEqual({ kind: "moved", start: words.start + 10, end: words.end + 10 });
    const after = applyChange(FR, change);
    if (move.kind === "moved") expect(after.slice(move.start, move.end)).toBe("performance");
    expect(moveAnchor(words, { ...span(FR, "avoir "), inserted: "" })).toEqual({ kind: "moved", start: words.start - 6, end: words.end - 6 });
  });
  it("makes stale a thread whose words the change replaces, partly or wholly, or splits", () => {
    expect(moveAnchor(words, { ...words, inserted: "efficacité" })).toEqual({ kind: "stale" });
    expect(moveAnchor(words, { start: words.start - 3, end: words.start + 2, inserted: "x" })).toEqual({ kind: "stale" });
    expect(moveAnchor(words, { start: words.end - 1, end: words.end + 1, inserted: "" })).toEqual({ kind: "stale" });
    expect(moveAnchor(words, { start: words.start + 4, end: words.start + 4, inserted: "-" })).toEqual({ kind: "stale" });
    expect(moveAnchor(span(FR, "de performance"), { ...words, inserted: "rendement" })).toEqual({ kind: "stale" });
  });
  it("lets an insertion right at either edge leave the words alone", () => {
    expect(moveAnchor(words, { start: words.end, end: words.end, inserted: "s" })).toEqual({ kind: "kept" });
    expect(moveAnchor(words, { start: words.start, end: words.start, inserted: "la " })).toEqual({ kind: "moved", start: words.start + 3, end: words.end + 3 });
  });
});

describe("anchorThrough", () => {
  it("maps a span through several changes, and gives null once one touches it", () => {
    const words = span(FR, "performance");
    const changes = [
      { start: 0, end: 3, inserted: "Elles" },
      { ...span("Elles semblent avoir commis l'écart de performance.", "commis"), inserted: "comblé" },
    ];
    const mapped = anchorThrough(words, changes)!;
    const text = changes.reduce(applyChange, FR);
    expect(text.slice(mapped.start, mapped.end)).toBe("performance");
    expect(anchorThrough(span(FR, "Ils semblent"), changes)).toBeNull();
    expect(anchorThrough(words, [])).toEqual({ start: words.start, end: words.end });
  });
});

describe("anchorAfterRevert", () => {
  it("anchors a thread again where the revert restored its words, else not", () => {
    const onIt = span(FR, "commis l'écart");
    const change = { ...span(FR, "commis"), inserted: "comblé" };
    const changed = applyChange(FR, change);
    // Later, "Ils" became "Elles": the revert puts "commis" back two characters further on.
    const shifted = applyChange(changed, { start: 0, end: 3, inserted: "Elles" });
    const revertStart = change.start + 2;
    const reverted = applyChange(shifted, { start: revertStart, end: revertStart + "comblé".length, inserted: "commis" });
    expect(anchorAfterRevert(onIt, change.start, revertStart, reverted)).toEqual({ start: onIt.start + 2, end: onIt.end + 2 });
    // Its other words changed meanwhile: it stays stale.
    const other = applyChange(reverted, { ...span(reverted, "l'écart"), inserted: "le fossé" });
    expect(anchorAfterRevert(onIt, change.start, revertStart, other)).toBeNull();
    expect(anchorAfterRevert({ start: 0, end: 3, quote: "Ils" }, 10, 0, "Il")).toBeNull();
  });
});

describe("thread views", () => {
  const thread = (over: Partial<ThreadView>): ThreadView => ({
    id: 1,
    paragraphId: 1,
    lang: "fr",
    position: 0,
    revision: 1,
    start: 0,
    end: 1,
    quote: "x",
    stale: false,
    resolved: null,
    author: "a",
    createdAt: "",
    comments: [],
    ...over,
  });
  it("orders threads French first, then by paragraph and place", () => {
    const list = [thread({ id: 1, lang: "en" }), thread({ id: 2, position: 1 }), thread({ id: 3, start: 5 }), thread({ id: 4 })];
    expect(list.sort(byPlace).map((t) => t.id)).toEqual([4, 3, 2, 1]);
  });
  it("reads a thread's fragment and gathers its mentions once each", () => {
    expect(threadOfHash("#t-12")).toBe(12);
    expect(threadOfHash("#p-12")).toBeNull();
    expect(threadOfHash("#t-")).toBeNull();
    const c = (mentions: string[]) => ({ id: 1, author: "a", text: "", mentions, createdAt: "" });
    expect(threadMentions({ comments: [c(["ana", "bob"]), c(["bob", "cy"])] })).toEqual(["ana", "bob", "cy"]);
  });
});

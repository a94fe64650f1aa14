/// The to-do list's pure core: filters, counts per filter value, reading order, the walk, and
/// the filter kept in a URL.
import { describe, expect, it } from "vitest";
import { ageOf, countItems, filterItems, stepItem, todoAnchor, type TodoItem } from "../../../lib/todo/items";
import { filterFromQuery, filterToQuery, isFiltering } from "../../../lib/todo/query";

const NOW = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();

const item = (over: Partial<TodoItem>): TodoItem => ({
  kind: "suggestion",
  id: 1,
  paragraphId: 10,
  position: 1,
  lang: "fr",
  start: 0,
  author: "cora",
  createdAt: hoursAgo(1),
  category: "accuracy/mistranslation",
  severity: "major",
  status: "open",
  mentions: [],
  ...over,
});

const ITEMS: TodoItem[] = [
  item({ id: 1, position: 5, author: "cora", severity: "minor", createdAt: hoursAgo(2) }),
  item({ id: 2, position: 2, start: 30, author: "dan", category: "fluency/spelling", createdAt: hoursAgo(50), mentions: ["rev"] }),
  item({ id: 3, position: 2, start: 4, author: "cora", createdAt: hoursAgo(24 * 10), status: "proposed" }),
  item({ kind: "thread", id: 1, position: 2, lang: "en", author: "rev", category: undefined, severity: undefined, mentions: ["cora"] }),
];

describe("to-do filters", () => {
  it("puts an item in the age bucket of its creation", () => {
    expect(ageOf(hoursAgo(23), NOW)).toBe("today");
    expect(ageOf(hoursAgo(25), NOW)).toBe("week");
    expect(ageOf(hoursAgo(24 * 8), NOW)).toBe("older");
  });

  it("keeps every item in reading order without a filter: by paragraph, French first, then by place", () => {
    expect(filterItems(ITEMS, {}, "rev", NOW).map(todoAnchor)).toEqual(["s-3", "s-2", "t-1", "s-1"]);
  });

  it("combines facets: author and severity", () => {
    expect(filterItems(ITEMS, { author: "cora", severity: "major" }, null, NOW).map(todoAnchor)).toEqual(["s-3"]);
    expect(filterItems(ITEMS, { category: "fluency/spelling" }, null, NOW).map(todoAnchor)).toEqual(["s-2"]);
    expect(filterItems(ITEMS, { status: "proposed" }, null, NOW).map(todoAnchor)).toEqual(["s-3"]);
    expect(filterItems(ITEMS, { kind: "thread" }, null, NOW).map(todoAnchor)).toEqual(["t-1"]);
    expect(filterItems(ITEMS, { age: "week" }, null, NOW).map(todoAnchor)).toEqual(["s-2"]);
  });

  it("finds what mentions the viewer, and nothing for a visitor", () => {
    expect(filterItems(ITEMS, { mentionsMe: true }, "cora", NOW).map(todoAnchor)).toEqual(["t-1"]);
    expect(filterItems(ITEMS, { mentionsMe: true }, "rev", NOW).map(todoAnchor)).toEqual(["s-2"]);
    expect(filterItems(ITEMS, { mentionsMe: true }, null, NOW)).toEqual([]);
  });
});

describe("to-do counts", () => {
  it("counts each value of a facet under the other facets' choices", () => {
    const counts = countItems(ITEMS, { author: "cora" }, "cora", NOW);
    // The author menu ignores its own choice: every author's count stays visible.
    expect(counts.facets.author).toEqual({ cora: 2, dan: 1, rev: 1 });
    // The others count cora's items only.
    expect(counts.facets.severity).toEqual({ minor: 1, major: 1 });
    expect(counts.facets.age).toEqual({ today: 1, older: 1 });
    expect(counts.facets.status).toEqual({ open: 1, proposed: 1 });
    expect(counts.facets.kind).toEqual({ suggestion: 2 });
    // No item of cora's mentions cora.
    expect(counts.mentionsMe).toBe(0);
    expect(countItems(ITEMS, {}, "cora", NOW).mentionsMe).toBe(1);
  });

  it("leaves items without a category out of the category counts", () => {
    expect(countItems(ITEMS, {}, null, NOW).facets.category).toEqual({ "accuracy/mistranslation": 2, "fluency/spelling": 1 });
  });
});

describe("walking the filtered items", () => {
  const list = filterItems(ITEMS, {}, null, NOW);
  it("goes to the next and previous item across paragraphs, round the ends", () => {
    expect(todoAnchor(stepItem(list, null, 1)!)).toBe("s-3");
    expect(todoAnchor(stepItem(list, null, -1)!)).toBe("s-1");
    expect(todoAnchor(stepItem(list, "#s-2", 1)!)).toBe("t-1");
    expect(todoAnchor(stepItem(list, "t-1", -1)!)).toBe("s-2");
    expect(todoAnchor(stepItem(list, "#s-1", 1)!)).toBe("s-3");
    // A hash that names no item (a paragraph) starts from the first.
    expect(todoAnchor(stepItem(list, "#p-4", 1)!)).toBe("s-3");
    expect(stepItem([], null, 1)).toBeNull();
  });
});

describe("the filter in a URL", () => {
  it("round-trips every facet and 'mentions me'", () => {
    const filter = { author: "cora", category: "fluency/spelling", severity: "major", status: "open", age: "week", kind: "suggestion", mentionsMe: true };
    const query = filterToQuery(filter).toString();
    expect(query).toBe("kind=suggestion&author=cora&category=fluency%2Fspelling&severity=major&status=open&age=week&mentions=me");
    expect(filterFromQuery(new URLSearchParams(query))).toEqual(filter);
  });

  it("ignores what it does not know, empty values and impossible ages or kinds", () => {
    expect(filterFromQuery(new URLSearchParams("author=&age=century&kind=flag&mentions=you&todo&x=1"))).toEqual({});
    expect(filterFromQuery(new URLSearchParams(`author=${"a".repeat(101)}`))).toEqual({});
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ severity: "minor" })).toBe(true);
  });
});

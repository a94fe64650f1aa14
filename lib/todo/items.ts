/// A reviewer's to-do list: the open suggestions and comment threads of a document as plain
/// items, how they are filtered, counted, ordered and walked. Pure: no I/O.

/// What a to-do item is: a suggestion awaiting a decision, or a comment thread awaiting an answer.
export type TodoKind = "suggestion" | "thread";

export interface TodoItem {
  kind: TodoKind;
  id: number;
  /// The paragraph it is anchored to, and that paragraph's position among its language's paragraphs.
  paragraphId: number;
  position: number;
  lang: "fr" | "en";
  /// Where it starts in its paragraph (orders items of one paragraph); 0 when unknown.
  start?: number;
  author: string;
  /// ISO 8601.
  createdAt: string;
  /// Suggestions only: the MQM category and severity.
  category?: string;
  severity?: string;
  /// "open", "proposed" (the app offered the same fix elsewhere), "stale", … as its source says.
  status: string;
  /// Everyone mentioned (`@name`) in it or in its replies.
  mentions: string[];
  /// Suggestions: the change it makes (for the list to show what it is about).
  change?: { deleted: string; inserted: string };
  /// Threads: a short excerpt (the quoted text or the first comment).
  excerpt?: string;
}

/// How old an item is: made in the last 24 hours, in the last 7 days, or before.
export const TODO_AGES = ["today", "week", "older"] as const;
export type TodoAge = (typeof TODO_AGES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/// The age bucket of an item made at `createdAt`, seen at `now`.
export function ageOf(createdAt: string, now: Date): TodoAge {
  const elapsed = now.getTime() - Date.parse(createdAt);
  return elapsed < DAY_MS ? "today" : elapsed < 7 * DAY_MS ? "week" : "older";
}

/// The facets one can filter on, each with one chosen value at most.
export const TODO_FACETS = ["kind", "author", "category", "severity", "status", "age"] as const;
export type TodoFacet = (typeof TODO_FACETS)[number];

/// A filter: a value per facet (absent: any), and whether only items mentioning the viewer count.
export type TodoFilter = Partial<Record<TodoFacet, string>> & { mentionsMe?: boolean };

/// The value an item has for a facet ("" when it has none, as a thread's category).
export function facetValue(item: TodoItem, facet: TodoFacet, now: Date): string {
  if (facet === "age") return ageOf(item.createdAt, now);
  return item[facet] ?? "";
}

/// Whether an item passes the filter, leaving one facet out (to count that facet's values).
function passes(item: TodoItem, filter: TodoFilter, me: string | null, now: Date, except?: TodoFacet | "mentionsMe"): boolean {
  for (const facet of TODO_FACETS) {
    if (facet === except) continue;
    const wanted = filter[facet];
    if (wanted !== undefined && facetValue(item, facet, now) !== wanted) return false;
  }
  if (filter.mentionsMe && except !== "mentionsMe") return me !== null && item.mentions.includes(me);
  return true;
}

/// The items that pass the filter, in reading order. "Mentions me" keeps nothing for a visitor.
export function filterItems(items: readonly TodoItem[], filter: TodoFilter, me: string | null, now: Date): TodoItem[] {
  return items.filter((item) => passes(item, filter, me, now)).sort(compareItems);
}

/// For each facet, how many items each value would give were it chosen, the other facets as
/// they are (so the counts beside a menu say what choosing there leads to); and how many items
/// mention the viewer.
export interface TodoCounts {
  facets: Record<TodoFacet, Record<string, number>>;
  mentionsMe: number;
}

export function countItems(items: readonly TodoItem[], filter: TodoFilter, me: string | null, now: Date): TodoCounts {
  const facets = Object.fromEntries(TODO_FACETS.map((f) => [f, {} as Record<string, number>])) as TodoCounts["facets"];
  let mentionsMe = 0;
  for (const item of items) {
    for (const facet of TODO_FACETS) {
      if (!passes(item, filter, me, now, facet)) continue;
      const value = facetValue(item, facet, now);
      if (value) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
    }
    if (me !== null && item.mentions.includes(me) && passes(item, filter, me, now, "mentionsMe")) mentionsMe++;
  }
  return { facets, mentionsMe };
}

/// Reading order: by paragraph (French before English at one position), then where in it.
export function compareItems(a: TodoItem, b: TodoItem): number {
  return a.position - b.position || (a.lang === b.lang ? 0 : a.lang === "fr" ? -1 : 1) || (a.start ?? 0) - (b.start ?? 0) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
}

/// The anchor that shows an item in the reader: `s-<id>` for a suggestion, `t-<id>` for a thread.
export const todoAnchor = (item: Pick<TodoItem, "kind" | "id">) => `${item.kind === "suggestion" ? "s" : "t"}-${item.id}`;

/// The item after (step 1) or before (step -1) the one whose anchor is `current`, going round;
/// from no current item (or one not in the list), the first or the last. Null for an empty list.
export function stepItem(items: readonly TodoItem[], current: string | null, step: 1 | -1): TodoItem | null {
  if (items.length === 0) return null;
  const at = current === null ? -1 : items.findIndex((i) => todoAnchor(i) === current.replace(/^#/, ""));
  if (at < 0) return step > 0 ? items[0] : items[items.length - 1];
  return items[(at + step + items.length) % items.length];
}

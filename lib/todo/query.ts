/// A to-do filter in a URL's query string, so that a filtered list can be shared:
/// `?author=cora&severity=major&age=week&mentions=me`.
import { TODO_AGES, TODO_FACETS, type TodoFilter } from "./items";

/// The longest value a facet takes from a URL (names, categories and statuses are short).
const MAX_VALUE = 100;

/// The filter a query string names; unknown parameters, empty values and impossible ages are ignored.
export function filterFromQuery(params: URLSearchParams): TodoFilter {
  const filter: TodoFilter = {};
  for (const facet of TODO_FACETS) {
    const value = params.get(facet)?.trim();
    if (!value || value.length > MAX_VALUE) continue;
    if (facet === "age" && !(TODO_AGES as readonly string[]).includes(value)) continue;
    if (facet === "kind" && value !== "suggestion" && value !== "thread") continue;
    filter[facet] = value;
  }
  if (params.get("mentions") === "me") filter.mentionsMe = true;
  return filter;
}

/// The query parameters of a filter, in a fixed order (the same filter gives the same URL).
export function filterToQuery(filter: TodoFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const facet of TODO_FACETS) {
    const value = filter[facet];
    if (value) params.set(facet, value);
  }
  if (filter.mentionsMe) params.set("mentions", "me");
  return params;
}

/// Whether the filter narrows anything.
export const isFiltering = (filter: TodoFilter) => filterToQuery(filter).size > 0;

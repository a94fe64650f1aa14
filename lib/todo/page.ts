/// A page of a document's to-do list as the API answers it.
import type { TodoCounts, TodoFilter, TodoItem } from "./items";

export interface TodoPage {
  filter: TodoFilter;
  /// The items passing the filter: this page of them, how many in all, where the next page starts.
  items: TodoItem[];
  total: number;
  from: number;
  next: number | null;
  counts: TodoCounts;
}

/// Items per page unless asked otherwise, and the most a page holds.
export const TODO_PAGE = 200;
export const MAX_TODO_PAGE = 1000;

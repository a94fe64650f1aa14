"use client";
/// The to-do list's state: its filter, kept in the page's query string (so a filtered view can
/// be shared), and the matching items fetched from the API whenever the filter or the
/// document's suggestions change.
import { useCallback, useEffect, useState } from "react";
import type { TodoFilter } from "@/lib/todo/items";
import type { TodoPage } from "@/lib/todo/page";
import { filterFromQuery, filterToQuery } from "@/lib/todo/query";
import { callApi } from "../api";

/// The query parameter that keeps the panel open (`?todo` alone: open, no filter).
export const TODO_PARAM = "todo";
/// How long the list waits for live changes to settle before asking for itself again.
const REFETCH_MS = 150;

/// Rewrites the page's query string (keeping its path and hash) without reloading it.
function writeUrl(open: boolean, filter: TodoFilter) {
  const params = filterToQuery(filter);
  if (open) params.set(TODO_PARAM, "");
  const query = params.toString().replace(/=(&|$)/g, "$1");
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

export function useTodo(slug: string, version: unknown) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<TodoFilter>({});
  const [page, setPage] = useState<TodoPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The URL says whether the panel is open and how it is filtered.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const fromUrl = filterFromQuery(params);
    setFilter(fromUrl);
    setOpen(params.has(TODO_PARAM) || Object.keys(fromUrl).length > 0);
  }, []);

  // A burst of live changes (a bulk accept) asks once, when it is over.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      void callApi<TodoPage>(`/api/documents/${encodeURIComponent(slug)}/todo?${filterToQuery(filter)}`, "GET").then((a) => {
        if (!live) return;
        if (a.ok && a.body) {
          setPage(a.body);
          setError(null);
        } else setError(a.body?.error?.message ?? "");
      });
    }, REFETCH_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [slug, open, filter, version]);

  const change = useCallback(
    (next: TodoFilter) => {
      setFilter(next);
      writeUrl(open, next);
    },
    [open],
  );
  const toggle = useCallback(
    (on: boolean) => {
      setOpen(on);
      writeUrl(on, on ? filter : {});
      if (!on) setFilter({});
    },
    [filter],
  );
  return { open, toggle, filter, change, page, error };
}

"use client";
/// The comment threads the page knows of: loaded for the paragraphs it shows (a reader that
/// shows a page of rows at a time asks for those rows only), then kept current by the
/// `threads.changed` events, which carry each changed thread whole.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ThreadView } from "@/lib/comments/view";
import { callApi } from "../api";

/// How many paragraph ids one request carries.
const CHUNK = 400;
/// Past this many paragraphs to load at once, the document's threads are read in one request.
const WHOLE = 4 * CHUNK;

export interface ThreadsEvent {
  type: "threads.changed";
  data: { threads: ThreadView[] };
}

export function useThreads(slug: string, paragraphIds: readonly number[]) {
  const [threads, setThreads] = useState<Record<number, ThreadView>>({});
  const asked = useRef(new Set<number>());

  /// Puts threads in place; `fresh` ones (an event, an answer) replace what is known, loaded
  /// ones do not (an event may have come in while they were read).
  const put = useCallback((list: readonly ThreadView[], fresh: boolean) => {
    setThreads((prev) => {
      const next = { ...prev };
      for (const t of list) if (fresh || !next[t.id]) next[t.id] = t;
      return next;
    });
  }, []);

  const key = paragraphIds.join(",");
  useEffect(() => {
    const missing = key
      .split(",")
      .filter(Boolean)
      .map(Number)
      .filter((id) => !asked.current.has(id));
    for (const id of missing) asked.current.add(id);
    const base = `/api/documents/${encodeURIComponent(slug)}/threads`;
    // Many rows shown at once (a whole long document): one request for all its threads.
    const chunks = missing.length > WHOLE ? [null] : Array.from({ length: Math.ceil(missing.length / CHUNK) }, (_, i) => missing.slice(i * CHUNK, (i + 1) * CHUNK));
    for (const chunk of chunks) {
      void callApi<{ threads: ThreadView[] }>(chunk ? `${base}?paragraphs=${chunk.join(",")}` : base, "GET").then((a) => {
        if (a.ok && a.body) put(a.body.threads, false);
        else for (const id of chunk ?? missing) asked.current.delete(id);
      });
    }
  }, [slug, key, put]);

  /// Takes a live event if it is one of threads; says whether it was.
  const onEvent = useCallback(
    (event: { type: string; data: unknown }): boolean => {
      if (event.type !== "threads.changed") return false;
      put((event as ThreadsEvent).data.threads, true);
      return true;
    },
    [put],
  );

  return { threads, put, onEvent };
}

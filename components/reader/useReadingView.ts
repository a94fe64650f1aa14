"use client";
/// The reader's current view, remembered in a cookie, and (for the "original" view) the
/// imported text of every paragraph changed since, fetched the first time it is needed.
import { useCallback, useEffect, useState } from "react";
import { callApi } from "../api";
import { setPreferenceCookie } from "../preferences";
import { READING_VIEW_COOKIE, type ReadingView } from "./views";

export function useReadingView(slug: string, initial: ReadingView, textVersion: unknown) {
  const [view, setView] = useState<ReadingView>(initial);
  const [originals, setOriginals] = useState<Record<number, string> | null>(null);
  const choose = useCallback((next: ReadingView) => {
    setView(next);
    setPreferenceCookie(READING_VIEW_COOKIE, next);
  }, []);
  // Fetched again when the text changes (an accept or a revert may change which paragraphs differ).
  useEffect(() => {
    if (view !== "original") return;
    let live = true;
    void callApi<{ originals: Record<number, string> }>(`/api/documents/${encodeURIComponent(slug)}/originals`, "GET").then((a) => {
      if (live && a.ok && a.body) setOriginals(a.body.originals);
    });
    return () => {
      live = false;
    };
  }, [slug, view, textVersion]);
  return { view, choose, originals };
}

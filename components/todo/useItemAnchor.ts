"use client";
/// Follows the page's hash to a to-do item: `#s-<id>` (a suggestion) or `#t-<id>` (a comment
/// thread), when the page opens and whenever the hash changes, and brings its card into focus.
import { useEffect, useRef } from "react";

/// The item an anchor names, or null: `s-12` → suggestion 12, `t-3` → thread 3.
export function itemOfAnchor(hash: string): { kind: "suggestion" | "thread"; id: number } | null {
  const match = /^#?(s|t)-(\d+)$/.exec(hash);
  return match ? { kind: match[1] === "s" ? "suggestion" : "thread", id: Number(match[2]) } : null;
}

/// Focuses the element with this id once it is drawn (a view switch may draw it a frame later).
export function focusWhenDrawn(id: string, frames = 20): void {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    el.scrollIntoView({ block: "center" });
  } else if (frames > 0) requestAnimationFrame(() => focusWhenDrawn(id, frames - 1));
}

/// Calls `onItem` for the item the hash names, on load and on every hash change.
export function useItemAnchor(onItem: (item: { kind: "suggestion" | "thread"; id: number }) => void): void {
  const latest = useRef(onItem);
  latest.current = onItem;
  useEffect(() => {
    const follow = () => {
      const item = itemOfAnchor(location.hash);
      if (item) latest.current(item);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
}

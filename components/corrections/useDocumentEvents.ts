"use client";
/// Listens to a document's live events (Server-Sent Events). The browser reconnects by itself
/// and sends Last-Event-ID, so nothing is missed; `after` is the last event the page was
/// rendered with.
import { useEffect, useRef, useState } from "react";
import { CHECKS_EVENT_TYPES, type ChecksEvent } from "../checks/checksState";
import type { WorkspaceEvent } from "./workspaceState";

const TYPES = [
  "suggestions.created",
  "proposal.created",
  "suggestion.accepted",
  "suggestion.rejected",
  "comment.created",
  "suggestion.supported",
  "revision.reverted",
  "glossary.changed",
  "alignment.changed",
  "presence",
  "threads.changed",
  ...CHECKS_EVENT_TYPES,
] as const;

export function useDocumentEvents(slug: string, after: number, onEvent: (event: WorkspaceEvent | ChecksEvent) => void): "connecting" | "live" | "offline" {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    // The browser reconnects by itself after a network failure, but gives up for good on an
    // HTTP error (a proxy's 502 during a deploy): then open a new stream from the last event seen.
    let last = after;
    let source: EventSource;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(`/api/documents/${encodeURIComponent(slug)}/events?after=${last}`);
      source.onopen = () => setStatus("live");
      source.onerror = () => {
        if (source.readyState !== EventSource.CLOSED) return setStatus("connecting");
        setStatus("offline");
        retry = setTimeout(open, 5000);
      };
      // Too far behind for a replay (server/events/replay.ts): take a fresh snapshot.
      source.addEventListener("reload", () => window.location.reload());
      for (const type of TYPES) {
        source.addEventListener(type, (e) => {
          const event = e as MessageEvent;
          if (event.lastEventId) last = Number(event.lastEventId);
          handler.current({ type, data: JSON.parse(event.data), receivedAt: Date.now() } as WorkspaceEvent | ChecksEvent);
        });
      }
    };
    open();
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [slug, after]);
  return status;
}

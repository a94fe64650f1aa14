"use client";
/// Listens to a document's live events (Server-Sent Events). The browser reconnects by itself
/// and sends Last-Event-ID, so nothing is missed; `after` is the last event the page was
/// rendered with.
import { useEffect, useRef, useState } from "react";
import type { WorkspaceEvent } from "./workspaceState";

const TYPES = ["suggestions.created", "suggestion.accepted", "suggestion.rejected", "comment.created", "revision.reverted", "presence"] as const;

export function useDocumentEvents(slug: string, after: number, onEvent: (event: WorkspaceEvent) => void): "connecting" | "live" | "offline" {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    const source = new EventSource(`/api/documents/${encodeURIComponent(slug)}/events?after=${after}`);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    for (const type of TYPES) {
      source.addEventListener(type, (e) => {
        const data = JSON.parse((e as MessageEvent).data);
        handler.current({ type, data, receivedAt: Date.now() } as WorkspaceEvent);
      });
    }
    return () => source.close();
  }, [slug, after]);
  return status;
}

"use client";
import type { ActionMessage } from "./useApiAction";

/// The outcome of an action: a status for success, an alert for failure (read out by screen
/// readers either way). `inline` sits beside a button instead of under a form.
export function Notice({ message, inline = false }: { message: ActionMessage | null; inline?: boolean }) {
  if (!message) return null;
  const kind = message.ok ? "ok" : "error";
  const Tag = inline ? "span" : "p";
  return (
    <Tag className={inline ? `inline-note ${kind}` : `notice ${kind}`} role={message.ok ? "status" : "alert"}>
      {message.text}
    </Tag>
  );
}

"use client";
/// The document's checks held by the workspace: flags per paragraph, rules, the Grammalecte
/// pass; kept live by the document's events (and fetched again when an event says so).
import { useCallback, useMemo, useState } from "react";
import { countBy, enabledRules, openFlags, type DocumentChecks, type RuleState } from "@/lib/flags/view";
import { callApi } from "../api";
import { applyChecksEvent, flagsOf, isChecksEvent } from "./checksState";

export function useChecks(slug: string, initial: DocumentChecks) {
  const [state, setState] = useState(initial);
  const reload = useCallback(async () => {
    const a = await callApi<{ checks: DocumentChecks }>(`/api/documents/${encodeURIComponent(slug)}/checks`, "GET");
    if (a.ok && a.body) setState(a.body.checks);
  }, [slug]);
  /// Takes a document event; answers whether it was a checks event.
  const onEvent = useCallback(
    (event: { type: string; data?: unknown }) => {
      if (!isChecksEvent(event)) return false;
      if (event.type === "flags.updated" && event.data.reload) void reload();
      else setState((s) => applyChecksEvent(s, event));
      return true;
    },
    [reload],
  );
  const enabled = useMemo(() => enabledRules(state.rules), [state.rules]);
  const of = useCallback((paragraphId: number, revision: number) => flagsOf(state, paragraphId, revision, enabled), [state, enabled]);
  /// Open flags (rules on, not dismissed) by MQM category, for the quality panel.
  const openByCategory = useMemo(() => Object.fromEntries(countBy(openFlags(state.paragraphs, enabled), "category")), [state.paragraphs, enabled]);
  const setRules = useCallback((rules: RuleState[]) => setState((s) => applyChecksEvent(s, { type: "checks.rules", data: { rules } })), []);
  return { state, enabled, onEvent, flagsOf: of, openByCategory, setRules };
}

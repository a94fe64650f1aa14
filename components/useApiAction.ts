"use client";
/// The state every form that calls one of the app's JSON routes needs: busy while the request
/// runs, and a message to show afterwards (the server's own, already in the reader's language).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi, type ApiAnswer } from "./api";

export interface ActionMessage {
  ok: boolean;
  text: string;
}

export function useApiAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  /// Calls the route; on success shows `success(body)` if given, on failure the server's error.
  async function run<T = Record<string, unknown>>(
    url: string,
    method: string,
    body?: unknown,
    success?: (body: T) => string,
  ): Promise<ApiAnswer<T>> {
    setBusy(true);
    setMessage(null);
    const answer = await callApi<T>(url, method, body);
    setBusy(false);
    if (!answer.ok) setMessage({ ok: false, text: answer.body?.error?.message ?? t("errors.generic") });
    else if (success) setMessage({ ok: true, text: success((answer.body ?? {}) as T) });
    return answer;
  }

  /// Forgets the last message.
  const clear = () => setMessage(null);

  return { busy, message, run, clear };
}

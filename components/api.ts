/// Calling the app's own JSON routes from client components.

export interface ApiAnswer<T = Record<string, unknown>> {
  ok: boolean;
  status: number;
  body: (T & { error?: { code: string; message: string } }) | null;
}

/// Sends JSON (or nothing) and reads the JSON answer; a network failure is status 0.
export async function callApi<T = Record<string, unknown>>(url: string, method: string, body?: unknown): Promise<ApiAnswer<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

export { safeNext } from "../lib/http/return-path";

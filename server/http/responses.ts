/// Small helpers every route handler uses: reading a bounded body and answering errors as JSON.
/// Every JSON body and form field goes through here, so the rules for text that comes in
/// (bounded size and depth, no control characters: lib/text/json.ts, lib/text/controls.ts)
/// hold for every route.
import "server-only";
import { checkText, ControlCharacterError } from "../../lib/text/decode";
import { JsonDepthError, MAX_JSON_DEPTH, parseJsonText } from "../../lib/text/json";

type Translate = (key: string, params?: Record<string, unknown>) => string;

/// Raised when a request body is larger than the route accepts.
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body is over ${limit} bytes`);
  }
}

/// Reads a request body, refusing it as soon as it passes `limit` bytes (the declared
/// Content-Length is checked first, so an honest oversized upload is refused unread).
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/// A JSON error answer: `{"error":{"code","message",…params}}`.
export function errorResponse(status: number, code: string, message: string, params: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, params } }, { status });
}

/// Reads a multipart form of at most `limit` bytes; answers 413 (naming `limitMb`, the limit the
/// person knows, in MB) for a larger body and 400 for one that is not a form.
export async function readForm(
  request: Request,
  limit: number,
  limitMb: number,
  t: (key: string, params?: Record<string, unknown>) => string,
): Promise<{ form: FormData } | Response> {
  try {
    const body = await readBody(request, limit);
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    for (const [name, value] of form) {
      checkText(name, "field name", { lines: false });
      if (typeof value === "string") checkText(value, name);
      else checkText(value.name, `${name} (file name)`, { lines: false });
    }
    return { form };
  } catch (e) {
    if (e instanceof BodyTooLargeError) return errorResponse(413, "tooLarge", t("errors.tooLarge", { count: limitMb }));
    if (e instanceof ControlCharacterError) return controlCharacterResponse(t, e);
    return errorResponse(400, "badRequest", t("errors.badRequest"));
  }
}

/// 400 for text holding a refused control character, saying which and where.
export function controlCharacterResponse(t: Translate, e: ControlCharacterError): Response {
  return errorResponse(400, "controlCharacter", t("security.controlCharacter", e.params), e.params);
}

/// The largest JSON body a form-like route accepts: 64 KiB.
export const MAX_JSON_BYTES = 64 * 1024;

/// Reads a JSON body of at most `limit` bytes and checks it against a zod schema; answers 413
/// for a larger body and 400 (with the first problem) for unreadable or invalid JSON.
export async function readJson<T>(
  request: Request,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  t: (key: string, params?: Record<string, unknown>) => string,
  limit = MAX_JSON_BYTES,
): Promise<{ data: T } | Response> {
  let json: unknown;
  try {
    json = parseJsonText(new TextDecoder("utf-8", { fatal: true }).decode(await readBody(request, limit)), "body");
  } catch (e) {
    if (e instanceof BodyTooLargeError) return errorResponse(413, "tooLarge", t("errors.tooLargeKb", { count: Math.ceil(limit / 1024) }));
    if (e instanceof JsonDepthError) return errorResponse(400, "tooDeep", t("security.tooDeep", { count: MAX_JSON_DEPTH }), { limit: MAX_JSON_DEPTH });
    if (e instanceof ControlCharacterError) return controlCharacterResponse(t, e);
    return errorResponse(400, "badRequest", t("errors.badRequest"));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join(".") || "body";
    return errorResponse(400, "invalidField", t("errors.invalidField", { field }), { field, problem: issue.message });
  }
  return { data: parsed.data };
}

/// 429 with Retry-After: 1, for a request refused because the server is checking too many
/// passwords at once (server/auth/password.ts).
export function busyResponse(t: (key: string, params?: Record<string, unknown>) => string): Response {
  const response = errorResponse(429, "busy", t("security.busy"));
  response.headers.set("retry-after", "1");
  return response;
}

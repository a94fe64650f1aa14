/// Small helpers every route handler uses: reading a bounded body and answering errors as JSON.
import "server-only";

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

/// Whether a state-changing request comes from this site: its Origin must be present and match
/// the Host it was sent to (browsers send Origin with every POST, PUT, PATCH and DELETE).
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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
    return { form: await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData() };
  } catch (e) {
    if (e instanceof BodyTooLargeError) return errorResponse(413, "tooLarge", t("errors.tooLarge", { count: limitMb }));
    return errorResponse(400, "badRequest", t("errors.badRequest"));
  }
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
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await readBody(request, limit)));
  } catch (e) {
    if (e instanceof BodyTooLargeError) return errorResponse(413, "tooLarge", t("errors.tooLargeKb", { count: Math.ceil(limit / 1024) }));
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

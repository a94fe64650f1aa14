/// Making corrections through the HTTP API as the site's own pages do (JSON, the site's Origin,
/// a session cookie), for tests that drive a running server.

export interface ApiAnswer {
  status: number;
  body: any;
}

/// A JSON request to `base + route`; non-GET requests carry the site's Origin.
export async function call(base: string, method: string, route: string, cookie?: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const h: Record<string, string> = { ...headers };
  if (cookie) h.cookie = cookie;
  if (method !== "GET") h.origin = base;
  if (body !== undefined) h["content-type"] = "application/json";
  const res = await fetch(base + route, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, body: json };
}

export interface Row {
  position: number;
  paragraphId: number;
  fr: string;
  en: string;
  revision: number;
}

/// A document's rows as GET /api/documents/:slug gives them.
export async function rowsOf(base: string, slug: string, cookie?: string): Promise<Row[]> {
  const a = await call(base, "GET", `/api/documents/${slug}`, cookie);
  if (a.status !== 200) throw new Error(`GET document ${slug} answered ${a.status}`);
  return a.body.document.rows;
}

/// Suggests replacing `phrase` (which must stand once in the paragraph at `position`) with
/// `replacement`; returns the created suggestion(s). Fails unless the server answers 201.
export async function proposeReplacement(
  base: string,
  slug: string,
  cookie: string,
  position: number,
  phrase: string,
  replacement: string,
  extra: { category?: string; severity?: string; note?: string } = {},
): Promise<any> {
  const row = (await rowsOf(base, slug, cookie)).find((r) => r.position === position);
  if (!row) throw new Error(`${slug} has no paragraph ${position}`);
  const start = row.fr.indexOf(phrase);
  if (start < 0 || row.fr.indexOf(phrase, start + 1) >= 0) throw new Error(`"${phrase}" does not stand exactly once in paragraph ${position}: ${row.fr}`);
  const a = await call(base, "POST", `/api/documents/${slug}/suggestions`, cookie, {
    paragraphId: row.paragraphId,
    baseRevision: row.revision,
    fixes: [{ start, end: start + phrase.length, deleted: phrase, inserted: replacement }],
    category: extra.category ?? "accuracy/mistranslation",
    severity: extra.severity ?? "major",
    note: extra.note ?? "",
  });
  if (a.status !== 201) throw new Error(`suggesting "${replacement}" answered ${a.status}: ${JSON.stringify(a.body)}`);
  return a.body.suggestions[0];
}

/// A word of four letters or more standing exactly once, between spaces, in `text` (a phrase
/// `proposeReplacement` can aim at).
export function wordOnceIn(text: string): string {
  const word = text.split(" ").find((w) => /^\p{L}{4,}$/u.test(w) && text.split(` ${w} `).length === 2);
  if (!word) throw new Error(`no word stands once in: ${text}`);
  return word;
}

/// Helpers for the HTTP integration tests: reading the server-rendered HTML the way a reader's
/// browser would see it (without running any script), and posting documents to the import route.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export const SEED = "deepseek-containment";

/// The seed document's files as they ship in corpus/.
export function seedFile(name: "fr.txt" | "en.txt" | "meta.json"): string {
  return fs.readFileSync(path.join(root, "corpus", SEED, name), "utf8");
}

/// The seed document's paragraphs in one language: one per non-empty line.
export function seedParagraphs(lang: "fr" | "en"): string[] {
  return seedFile(`${lang}.txt`)
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/// The seed's French paragraphs as the app shows them once the shipped corrections are in:
/// every accepted suggestion of corrections.json applied (they are all made against the
/// original text and do not overlap, so they apply from the end of each paragraph backwards).
export function correctedSeedParagraphs(): string[] {
  const file = JSON.parse(seedCorrections()) as {
    suggestions: { paragraph: number; start: number; end: number; inserted: string; status: string }[];
  };
  return seedParagraphs("fr").map((text, i) =>
    file.suggestions
      .filter((s) => s.paragraph === i && s.status === "accepted")
      .sort((a, b) => b.start - a.start)
      .reduce((t, s) => t.slice(0, s.start) + s.inserted + t.slice(s.end), text.normalize("NFC")),
  );
}

/// corrections.json of the seed document.
export function seedCorrections(): string {
  return fs.readFileSync(path.join(root, "corpus", SEED, "corrections.json"), "utf8");
}

/// The current text of a French cell as rendered: open suggestions are drawn in it as
/// <del>old</del><ins>new</ins>; the current text keeps the old words and drops the new ones.
export function currentTextOf(cellHtml: string): string {
  return textOf(cellHtml.replace(/<ins\b[\s\S]*?<\/ins>/g, "").replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, ""));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/// Decodes the character references React writes (&amp; &#x27; …).
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/// Server-rendered HTML with scripts (the RSC payload among them) and comments removed: what a
/// reader sees before, or without, JavaScript.
export function visibleMarkup(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<!--[\s\S]*?-->/g, "");
}

/// The text of an HTML fragment, tags removed and references decoded.
export function textOf(fragment: string): string {
  return decodeEntities(visibleMarkup(fragment).replace(/<[^>]+>/g, ""));
}

/// The attributes of one start tag, e.g. `<li id="p-1" class="row">`.
export function attributes(startTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of startTag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) {
    if (m.index === 0) continue; // the tag name
    out[m[1]] = decodeEntities(m[2] ?? "");
  }
  return out;
}

/// The `lang` of the `<html>` element, or null when it has none.
export function htmlLang(html: string): string | null {
  const tag = /<html\b[^>]*>/i.exec(html);
  return tag ? (attributes(tag[0]).lang ?? null) : null;
}

/// Every element `<tag …>…</tag>` whose class list contains `className` (elements of that tag
/// must not nest, which holds for the ones the tests look at).
export function elementsWithClass(html: string, tag: string, className: string): { attrs: Record<string, string>; inner: string }[] {
  const out: { attrs: Record<string, string>; inner: string }[] = [];
  const re = new RegExp(`(<${tag}\\b[^>]*>)([\\s\\S]*?)</${tag}>`, "gi");
  for (const m of visibleMarkup(html).matchAll(re)) {
    const attrs = attributes(m[1]);
    if ((attrs.class ?? "").split(/\s+/).includes(className)) out.push({ attrs, inner: m[2] });
  }
  return out;
}

export interface RenderedRow {
  id: string;
  classes: string[];
  cells: { classes: string[]; lang: string | undefined; text: string; html: string }[];
}

/// The reader's rows (`li.row`) as the server rendered them.
export function readerRows(html: string): RenderedRow[] {
  return elementsWithClass(html, "li", "row").map(({ attrs, inner }) => ({
    id: attrs.id,
    classes: (attrs.class ?? "").split(/\s+/),
    cells: [...inner.matchAll(/(<div\b[^>]*>)([\s\S]*?)<\/div>/gi)]
      .map((m) => ({ attrs: attributes(m[1]), inner: m[2] }))
      .filter((c) => (c.attrs.class ?? "").split(/\s+/).includes("cell"))
      .map((c) => ({ classes: c.attrs.class.split(/\s+/), lang: c.attrs.lang, text: textOf(c.inner), html: c.inner })),
  }));
}

/// GET a page with optional cookie and Accept-Language; returns status and body.
export async function getPage(url: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

export interface DocumentUpload {
  slug?: string;
  fr?: string | Uint8Array;
  en?: string | Uint8Array;
  meta?: string | Uint8Array | object;
}

const asBlob = (v: string | Uint8Array | object, type: string) =>
  new Blob([typeof v === "string" || v instanceof Uint8Array ? (v as BlobPart) : JSON.stringify(v)], { type });

/// Builds the import form: the fields present in `upload` only, files as the browser sends them.
export function importForm(upload: DocumentUpload): FormData {
  const form = new FormData();
  if (upload.slug !== undefined) form.set("slug", upload.slug);
  if (upload.fr !== undefined) form.set("fr", asBlob(upload.fr, "text/plain"), "fr.txt");
  if (upload.en !== undefined) form.set("en", asBlob(upload.en, "text/plain"), "en.txt");
  if (upload.meta !== undefined) form.set("meta", asBlob(upload.meta, "application/json"), "meta.json");
  return form;
}

/// POSTs a document to /api/documents from the site's own origin (as the import page does),
/// unless `origin` says otherwise. Returns the status and the parsed JSON body.
export async function postDocument(
  base: string,
  upload: DocumentUpload | FormData,
  init: { origin?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  // The form encoded as fetch would send it, then sent over a connection of its own: the server
  // answers an oversized upload early and closes the connection, which must not disturb the
  // requests that follow.
  const encoded = new Response(upload instanceof FormData ? upload : importForm(upload));
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const res = await rawPost(`${base}/api/documents`, [bytes], {
    origin: init.origin ?? base,
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(bytes.byteLength),
    ...init.headers,
  });
  return { status: res.status, body: parseJson(res.status, res.text) };
}

/// Sends a POST over a fresh connection, writing `chunks` one after the other (chunked transfer
/// unless a content-length header is given), and resolves with the answer as soon as it is
/// complete, even when the server stops reading the body early.
export function rawPost(url: string, chunks: Iterable<Uint8Array>, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: "POST", agent: false, headers },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => {
          answered = true;
          resolve({ status: res.statusCode ?? 0, text });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => {
      // The server may answer (413) and close before the whole body was written: the write then
      // fails (EPIPE, ECONNRESET) while the answer is still on its way.
      if (!answered) setTimeout(() => !answered && reject(e), 10_000);
    });
    const iterator = chunks[Symbol.iterator]();
    const write = () => {
      for (;;) {
        if (req.destroyed) return;
        const next = iterator.next();
        if (next.done) return void req.end();
        if (!req.write(next.value)) return void req.once("drain", write);
      }
    };
    write();
  });
}

function parseJson(status: number, text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the server answered ${status} with non-JSON: ${text.slice(0, 300)}`);
  }
}

/// GETs a JSON route, failing loudly on a non-JSON answer.
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`GET ${url} answered ${res.status} with non-JSON: ${text.slice(0, 300)}`);
  }
}

/// A small valid document's files.
export function smallDocument(title = "Un petit document") {
  return {
    fr: `${title}\nPremier paragraphe, court.\nDeuxième paragraphe : « guillemets » et l'apostrophe.\n`,
    en: `A small document\nFirst paragraph, short.\nSecond paragraph: “quotes” and the apostrophe.\n`,
    meta: {
      title: { fr: title, en: "A small document" },
      languages: { source: "fr", target: "en" },
      provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human", by: "Tests" } },
      licence: "CC BY 4.0",
    },
  };
}

export interface Answer {
  status: number;
  /// The parsed JSON body, or null when there is none (204) or it is not JSON.
  body: any;
  headers: Headers;
}

/// Sends a request to one of the JSON routes the way the site's own pages do: JSON body, and the
/// site's Origin on every non-GET request unless `origin` says otherwise (null: no Origin at all).
export async function api(
  base: string,
  method: string,
  route: string,
  init: { cookie?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  const origin = init.origin === undefined ? (method === "GET" ? null : base) : init.origin;
  if (origin !== null) headers.origin = origin;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  }
  const res = await fetch(`${base}${route}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: any = null;
  try {
    json = text === "" ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, body: json, headers: res.headers };
}

/// The session token a response sets (`vv_session=…`), or undefined when it sets none. An empty
/// string means the response clears the cookie.
export function sessionCookieSet(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const m = /^vv_session=([^;]*)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/// Who the server thinks is signed in with this Cookie header, read from the header of the home
/// page it renders ("Signed in as …"), or null for a visitor.
export async function signedInAs(base: string, cookie: string | undefined): Promise<string | null> {
  const res = await fetch(`${base}/`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  const m = /<span class="signed-in" data-user="([^"]*)"/.exec(html);
  return m ? decodeEntities(m[1]) : null;
}

/// Sends a POST's headers and the first `chunks` of its body over a fresh connection, then waits
/// for the answer without sending the rest: for a route that must refuse a body before it has
/// all of it. Nothing sent is left unread by the server, so closing the connection cannot reset
/// it before the answer arrives (which a large unread upload may do).
export function postWithoutFinishing(url: string, chunks: Uint8Array[], headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", agent: false, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, text });
        req.destroy();
      });
    });
    req.on("error", reject);
    req.flushHeaders();
    for (const c of chunks) req.write(c);
  });
}

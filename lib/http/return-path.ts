/// Where to go after signing in: a return path given in a URL (`/login?next=…`) is only ever a
/// path on this site. The check runs on the path as a browser will read it — after the URL
/// parser has removed tabs and line breaks, turned backslashes into slashes and resolved `.` and
/// `..` segments — so `/.//evil.example`, `/a/..//evil.example` or `/%2e%2e//evil.example` (which
/// normalise to `//evil.example`) are refused like `//evil.example` itself.

const FALLBACK = "/";

/// The same-site path `next` leads to (path, query and hash), or "/" when it leads anywhere else
/// or could be read as leading elsewhere: a URL, a scheme-relative path (`//host`, `/\host`), a
/// path whose normal form is one, or one holding control characters or backslashes even
/// percent-encoded (`%5C`, `%2F%2F` at its start).
export function safeNext(next: string | null | undefined, origin = "http://localhost"): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return FALLBACK;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base.origin || url.username || url.password) return FALLBACK;
  const path = url.pathname + url.search + url.hash;
  if (!isPlainPath(url.pathname, base)) return FALLBACK;
  // The result must be a fixed point: read again, it is the same path on the same site.
  const again = new URL(path, base);
  if (again.origin !== base.origin || again.pathname + again.search + again.hash !== path) return FALLBACK;
  return path;
}

/// A path that starts with exactly one slash, also once percent-decoded and normalised again (a
/// router or a proxy may decode it before a browser reads it), and has no backslash or control
/// character.
function isPlainPath(pathname: string, base: URL): boolean {
  if (!/^\/(?![/\\])/.test(pathname)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (!/^\/(?![/\\])/.test(decoded) || /[\u0000-\u001f\u007f-\u009f\\]/.test(decoded)) return false;
  const reread = new URL(decoded, base);
  return reread.origin === base.origin && /^\/(?![/\\])/.test(reread.pathname);
}

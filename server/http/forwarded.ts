/// Who sent a request, and to which site: the one place that decides how far the client's
/// address and the forwarded headers (`X-Forwarded-For`, `X-Forwarded-Host`,
/// `X-Forwarded-Proto`) are believed.
///
/// `TRUSTED_PROXY_HOPS` (default 0) is the number of reverse proxies in front of the app that
/// each append the address they received the request from to `X-Forwarded-For`. With 0, the
/// forwarded headers are ignored: the client is the address of the TCP connection and the site
/// is the `Host` the request was sent to, over plain HTTP unless the connection itself is TLS.
/// With N > 0, the client is the N-th address from the right of the chain made of
/// `X-Forwarded-For` and the connection's address, and the site is `X-Forwarded-Host` and
/// `X-Forwarded-Proto` as the nearest proxy set them. An address a client wrote itself sits to
/// the left of what the trusted proxies appended, so it is never taken.
///
/// Next.js does not give route handlers the connection's address, and fills `X-Forwarded-For`
/// with it only when the client sent none; so `installPeerHeaders` (run once, from
/// instrumentation.ts) records it in a header of our own on every incoming request, replacing
/// any value a client sent under that name.
import "server-only";
import type { IncomingMessage } from "node:http";
import { replaceControlCharacters } from "../../lib/text/controls";

/// Header holding the address of the TCP connection, written by the server itself.
export const PEER_ADDRESS_HEADER = "x-vis-a-vis-peer-address";
/// Header holding "https" when the connection itself is TLS, else "http".
export const PEER_PROTO_HEADER = "x-vis-a-vis-peer-proto";

/// Reads `TRUSTED_PROXY_HOPS`: a whole number from 0 to 10; anything else is refused loudly at
/// the first request (a typo must not silently trust forged headers).
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${raw}")`);
  return n;
}

function forwardedChain(h: Headers): string[] {
  return (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

/// The client's address: the connection's own with no trusted proxy, else the address the
/// outermost trusted proxy saw. Null when the server could not tell (no peer header: the request
/// did not come through the Node server, e.g. in a unit test).
export function clientAddress(h: Headers, hops = trustedProxyHops()): string | null {
  const peer = h.get(PEER_ADDRESS_HEADER)?.trim() || null;
  if (hops === 0 || peer === null) return peer;
  const chain = [...forwardedChain(h), peer];
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  // A proxy passes on what the client wrote further left; keep it printable and short.
  return address ? replaceControlCharacters(address).slice(0, 100) : null;
}

/// The origin (scheme, host and port) the client sent the request to.
export function requestOrigin(request: Request, hops = trustedProxyHops()): string | null {
  const h = request.headers;
  const fallback = new URL(request.url);
  let proto = h.get(PEER_PROTO_HEADER) ?? fallback.protocol.replace(/:$/, "");
  let host = h.get("host");
  if (hops > 0) {
    // A proxy that appends to these headers puts its own value last.
    const last = (name: string) => h.get(name)?.split(",").pop()?.trim() || null;
    proto = last("x-forwarded-proto") ?? proto;
    host = last("x-forwarded-host") ?? host;
  }
  if (!host) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/// Whether a state-changing request comes from this site: its Origin must be present and have
/// the same scheme, host and port as the site the request was sent to.
export function isSameOrigin(request: Request, hops = trustedProxyHops()): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const own = requestOrigin(request, hops);
  try {
    return own !== null && new URL(origin).origin === own;
  } catch {
    return false;
  }
}

/// Whether the client reached the site over HTTPS (so cookies get `Secure`).
export function isHttps(request: Request, hops = trustedProxyHops()): boolean {
  return requestOrigin(request, hops)?.startsWith("https:") ?? false;
}

const INSTALLED = Symbol.for("vis-a-vis.peer-headers");

/// Makes the Node HTTP server write the connection's address and scheme into
/// PEER_ADDRESS_HEADER and PEER_PROTO_HEADER of every request before Next.js sees it.
export async function installPeerHeaders(): Promise<void> {
  const http = await import("node:http");
  const proto = http.Server.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      const socket = req.socket as IncomingMessage["socket"] & { encrypted?: boolean };
      req.headers[PEER_ADDRESS_HEADER] = socket?.remoteAddress ?? "";
      req.headers[PEER_PROTO_HEADER] = socket?.encrypted ? "https" : "http";
    }
    return emit.call(this, event, ...args);
  };
}

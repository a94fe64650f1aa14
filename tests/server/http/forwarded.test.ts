import { describe, expect, it } from "vitest";
import { clientAddress, isHttps, isSameOrigin, PEER_ADDRESS_HEADER, PEER_PROTO_HEADER, requestOrigin, trustedProxyHops } from "../../../server/http/forwarded";

/// A request as the Node server hands it to a route: the peer headers written by the server.
function request(headers: Record<string, string>, { peer = "127.0.0.1", proto = "http" } = {}) {
  return new Request("http://localhost:3000/api/auth/login", {
    method: "POST",
    headers: { [PEER_ADDRESS_HEADER]: peer, [PEER_PROTO_HEADER]: proto, ...headers },
  });
}

describe("trustedProxyHops", () => {
  it("is 0 unless set, and refuses anything but a small whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "11"]) expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("the client's address", () => {
  it("without a trusted proxy, is the connection's, whatever X-Forwarded-For says", () => {
    const r = request({ "x-forwarded-for": "10.9.8.7, 192.0.2.1" }, { peer: "203.0.113.5" });
    expect(clientAddress(r.headers, 0)).toBe("203.0.113.5");
  });
  it("behind one trusted proxy, is the address that proxy appended, not what the client wrote before it", () => {
    // The client forged "10.9.8.7"; the proxy (at 192.168.1.2) appended the address it saw.
    const r = request({ "x-forwarded-for": "10.9.8.7, 198.51.100.4" }, { peer: "192.168.1.2" });
    expect(clientAddress(r.headers, 1)).toBe("198.51.100.4");
    expect(clientAddress(r.headers, 2)).toBe("10.9.8.7");
  });
  it("behind more trusted hops than the chain holds, is the leftmost address", () => {
    const r = request({ "x-forwarded-for": "198.51.100.4" }, { peer: "192.168.1.2" });
    expect(clientAddress(r.headers, 3)).toBe("198.51.100.4");
  });
  it("is unknown when the server did not record the connection", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1" }), 0)).toBeNull();
  });
});

describe("the Origin check", () => {
  it("accepts this site's scheme, host and port", () => {
    expect(isSameOrigin(request({ host: "localhost:3000", origin: "http://localhost:3000" }), 0)).toBe(true);
  });
  it("compares the scheme too, not only the host", () => {
    expect(isSameOrigin(request({ host: "localhost:3000", origin: "https://localhost:3000" }), 0)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example", origin: "http://app.example" }, { proto: "https" }), 0)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example", origin: "https://app.example" }, { proto: "https" }), 0)).toBe(true);
  });
  it("compares the port, default ports aside", () => {
    expect(isSameOrigin(request({ host: "localhost:3000", origin: "http://localhost:3001" }), 0)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example:80", origin: "http://app.example" }), 0)).toBe(true);
  });
  it("ignores X-Forwarded-Host and X-Forwarded-Proto without a trusted proxy", () => {
    const forged = request({ host: "localhost:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(isSameOrigin(forged, 0)).toBe(false);
    expect(requestOrigin(forged, 0)).toBe("http://localhost:3000");
    expect(isHttps(forged, 0)).toBe(false);
  });
  it("believes the nearest proxy's X-Forwarded-Host and X-Forwarded-Proto behind a trusted proxy", () => {
    const r = request({ host: "10.0.0.2:3000", origin: "https://vis-a-vis.example", "x-forwarded-host": "vis-a-vis.example", "x-forwarded-proto": "https" });
    expect(isSameOrigin(r, 1)).toBe(true);
    expect(isHttps(r, 1)).toBe(true);
  });
  it("refuses a missing, opaque or malformed Origin", () => {
    expect(isSameOrigin(request({ host: "localhost:3000" }), 0)).toBe(false);
    expect(isSameOrigin(request({ host: "localhost:3000", origin: "null" }), 0)).toBe(false);
    expect(isSameOrigin(request({ host: "localhost:3000", origin: "http://localhost:3000.evil.example" }), 0)).toBe(false);
  });
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and file-reading packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "nspell", "dictionary-fr", "mammoth", "linkedom", "@mozilla/readability", "@zxcvbn-ts/language-common"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with status 403 when a role lacks a permission.
  experimental: { authInterrupts: true },
  // Route handlers do not go through proxy.ts: their answers (JSON, CSV, TBX, text) must not be
  // sniffed into something a browser would run.
  async headers() {
    return [{ source: "/api/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;

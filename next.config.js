/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and file-reading packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "nspell", "dictionary-fr"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

/// Runs once when the server starts: creates or migrates the database and imports the corpus,
/// so the first reader does not wait for it; while no account exists, prints the one-time link
/// that creates the first admin. Before any request, it makes the server record each request's
/// connection address (see server/http/forwarded.ts) and checks TRUSTED_PROXY_HOPS.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerHeaders, trustedProxyHops } = await import("./server/http/forwarded");
    trustedProxyHops();
    await installPeerHeaders();
    const { database } = await import("./server/ready");
    const { issueSetupToken } = await import("./server/auth/setup");
    const db = await database();
    const token = await issueSetupToken(db.kysely);
    if (token) {
      const base = process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`;
      console.log(`\nNo account exists yet. Create the first admin (this link works once):\n  ${base}/setup?token=${token}\n`);
    }
  }
}

/// Runs once when the server starts: creates or migrates the database and imports the corpus,
/// so the first reader does not wait for it; while no account exists, prints the one-time link
/// that creates the first admin.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
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

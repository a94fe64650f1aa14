/// Runs once when the server starts: creates or migrates the database and imports the corpus,
/// so the first reader does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { database } = await import("./server/ready");
    await database();
  }
}

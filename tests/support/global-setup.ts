/// Before and after the whole test run: remove the PostgreSQL schemas tests make (t_…), so a
/// run starts clean and leaves nothing behind, without dropping any while other files run.
import { dropTestSchemas } from "./databases";

export async function setup() {
  await dropTestSchemas();
}

export async function teardown() {
  await dropTestSchemas();
}

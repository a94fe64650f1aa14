/// Settings an admin changes at run time, stored in the database.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./db/schema";

/// The settings and their defaults.
export const SETTING_DEFAULTS = {
  /// Whether visitors without an account may read documents.
  publicReading: true,
  /// MQM penalty points per error of each severity.
  mqmWeights: { minor: 1, major: 5, critical: 10 },
};
export type Settings = typeof SETTING_DEFAULTS;

/// All settings, defaults filled in.
export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom("settings").selectAll().where("key", "in", Object.keys(SETTING_DEFAULTS)).execute();
  const out = { ...SETTING_DEFAULTS };
  for (const r of rows) (out as Record<string, unknown>)[r.key] = JSON.parse(r.value);
  return out;
}

/// Stores some settings (an upsert per key).
export async function writeSettings(db: Kysely<Database>, values: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insertInto("settings")
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

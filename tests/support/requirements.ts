/// Tests that need a real component (Chromium, PostgreSQL) run when it is there. Locally a
/// missing one skips them with a warning; under CI=true they run anyway and fail loudly.
import { describe } from "vitest";

export const inCI = !!process.env.CI && process.env.CI !== "false";

/// `describe` when the component is available or we are in CI, else a visible skip.
export function describeIfAvailable(component: string, available: boolean) {
  if (available || inCI) return describe;
  console.warn(`\n⚠ ${component} is not available here: its tests are skipped (they never are under CI=true)\n`);
  return describe.skip;
}
